package io.lingowire.translation.provider.modernmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lingowire.translation.provider.HttpProviders;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.PairsCache;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ModernMT, as its Java client speaks it: every call is a {@code POST} with {@code X-HTTP-Method-Override: GET}
 * and a JSON body, authenticated by {@code MMT-ApiKey}. {@code /translate} takes
 * {@code {"source","target","q":[…],"format":"text/xml"}} (XML, so the {@code <ph/>} placeholders are tags) and
 * answers {@code {"status":200,"data":[{"translation"}]}}; pairs from {@code /translate/languages}
 * ({@code {"status":200,"data":["en","it",…]}}, any language to any other). The envelope's {@code status} mirrors the
 * HTTP status and decides, as in the client; errors are {@code {"status":…,"error":{"type","message"}}}: 401 a bad
 * key, 429 slow down, 402 or an error naming a quota the exhausted plan. Batches hold at most 128 texts (the documented
 * limits do not say; 128 is what third-party clients assume).
 */
@ApplicationScoped
@Named("modernmt")
public class ModernMtProvider implements TranslationProvider {

    static final int MAX_TEXTS = 128;
    private static final Pattern QUOTA = Pattern.compile("(?i)quota");

    private final ModernMtConfig config;
    private final HttpClient http;
    private final PairsCache pairs;

    ModernMtProvider(ModernMtConfig config, Clock clock) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.pairs = new PairsCache(config.pairsTtl(), clock);
    }

    @Override
    public String name() {
        return "modernmt";
    }

    @Override
    public boolean selfHosted() {
        return false;
    }

    @Override
    public void checkConfigured() {
        HttpProviders.required(config.apiKey(), "modernmt", "lingowire.providers.modernmt.api-key");
    }

    @Override
    public String model(LanguagePair pair) {
        return "modernmt";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return pairs.get(() -> {
            List<String> codes = new ArrayList<>();
            call("/translate/languages", null).forEach(code -> codes.add(code.asText()));
            return HttpProviders.allPairs(codes, codes);
        });
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        return HttpProviders.inBatches(segments, MAX_TEXTS, Integer.MAX_VALUE, "ModernMT", batch -> {
            ObjectNode request = HttpProviders.JSON.createObjectNode();
            request.put("source", pair.source());
            request.put("target", pair.target());
            batch.forEach(request.putArray("q")::add);
            request.put("format", "text/xml");
            List<String> out = new ArrayList<>(batch.size());
            call("/translate", request).forEach(t -> out.add(t.path("translation").asText()));
            return out;
        });
    }

    /** One call; the envelope's {@code data} on success. */
    private JsonNode call(String path, ObjectNode body) throws ProviderException {
        HttpRequest request = HttpRequest.newBuilder(HttpProviders.uri(config.url(), "https://api.modernmt.com", path))
                .timeout(config.timeout())
                .header("X-HTTP-Method-Override", "GET")
                .header("MMT-ApiKey", config.apiKey().orElse(""))
                .header("MMT-Platform", "lingowire")
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HttpProviders.send(http, request, "ModernMT");
        if (response.statusCode() == 200) {
            JsonNode envelope = HttpProviders.json(response.body(), "ModernMT");
            if (envelope.path("status").asInt(200) == 200) {
                return envelope.path("data");
            }
        }
        JsonNode envelope = HttpProviders.errorBody(response.body());
        int status = envelope.path("status").asInt(response.statusCode());
        String type = envelope.path("error").path("type").asText("");
        String message = "ModernMT " + status + " " + type + ": " + envelope.path("error").path("message").asText("");
        Duration retryAfter = HttpProviders.retryAfter(response);
        if (status == 402 || QUOTA.matcher(message).find()) {
            throw new ProviderException(ProviderException.Kind.QUOTA_EXHAUSTED, message);
        }
        if (type.contains("UnsupportedLanguage")) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, message);
        }
        throw switch (status) {
            case 429 -> new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter);
            case 400, 401, 403, 404, 413 -> new ProviderException(ProviderException.Kind.REJECTED, message);
            default -> new ProviderException(ProviderException.Kind.TRANSIENT, message, retryAfter);
        };
    }
}
