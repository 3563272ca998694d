package io.lingowire.translation.provider.apy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.lingowire.translation.provider.apertium.ApertiumFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Apertium through an APy server: {@code GET /listPairs} for the installed pairs and
 * {@code POST /translate} ({@code langpair=eng|spa&markUnknown=no&q=…}) with the batch framed as HTML, as the
 * command-line provider does. APy answers errors with {@code {"status":"error","code":400,"explanation":…}}.
 */
@ApplicationScoped
@Named("apertium-apy")
public class ApyProvider implements TranslationProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApyConfig config;
    private final HttpClient http;
    private volatile Map<LanguagePair, String> pairs;
    private volatile Instant pairsAt = Instant.EPOCH;

    ApyProvider(ApyConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String name() {
        return "apertium-apy";
    }

    @Override
    public boolean selfHosted() {
        return true;
    }

    @Override
    public void checkConfigured() {
        if (config.url().isEmpty()) {
            throw new IllegalStateException("apertium-apy is configured as a provider, but "
                    + "lingowire.providers.apertium-apy.url is not set");
        }
    }

    /**
     * Two: APy runs one pipeline per pair (its {@code -i} default) and cuts every text into pieces of 1,000 characters
     * once more than two requests wait on a pipeline, each piece costing two more formatter processes, so a third
     * request in flight slows the server down (measured: about 40 % fewer articles per second; docs/translation.md,
     * "Routing", and docs/benchmarks.md, "Translation").
     */
    @Override
    public OptionalInt maxConcurrent() {
        return OptionalInt.of(2);
    }

    @Override
    public String model(LanguagePair pair) {
        return "apertium-apy/" + modes().getOrDefault(pair, "?");
    }

    @Override
    public Set<LanguagePair> pairs() {
        return modes().keySet();
    }

    /** The server's pairs, asked again after the TTL; an unreachable server has none until it answers. */
    private Map<LanguagePair, String> modes() {
        if (pairs == null || pairsAt.plus(config.pairsTtl()).isBefore(Instant.now())) {
            Map<LanguagePair, String> found = new HashMap<>();
            try {
                JsonNode body = call(HttpRequest.newBuilder(uri("/listPairs")).GET());
                for (JsonNode p : body.path("responseData")) {
                    String mode = p.path("sourceLanguage").asText() + "-" + p.path("targetLanguage").asText();
                    ApertiumFormat.pair(mode).ifPresent(pair -> found.put(pair, mode));
                }
                pairs = Map.copyOf(found);
                pairsAt = Instant.now();
            } catch (ProviderException e) {
                return pairs == null ? Map.of() : pairs;
            }
        }
        return pairs;
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        String mode = modes().get(pair);
        if (mode == null) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "APy has no pair " + pair);
        }
        String form = "langpair=" + URLEncoder.encode(mode.replace('-', '|'), StandardCharsets.UTF_8)
                + "&markUnknown=no&q=" + URLEncoder.encode(ApertiumFormat.frame(segments), StandardCharsets.UTF_8);
        JsonNode body = call(HttpRequest.newBuilder(uri("/translate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return ApertiumFormat.unframe(body.path("responseData").path("translatedText").asText(), segments.size());
    }

    private URI uri(String path) throws ProviderException {
        String base = config.url().orElseThrow(() ->
                new ProviderException(ProviderException.Kind.REJECTED, "lingowire.providers.apertium-apy.url is not set"));
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private JsonNode call(HttpRequest.Builder request) throws ProviderException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(config.timeout()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "APy unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "APy answered " + response.statusCode()
                    + " with a body that is not JSON");
        }
        int status = response.statusCode();
        if (status == 200) {
            return body;
        }
        String explanation = body.path("explanation").asText(body.path("message").asText(""));
        if (status == 400 && explanation.contains("not installed")) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "APy: " + explanation);
        }
        if (status == 429) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, "APy: " + explanation);
        }
        throw new ProviderException(status >= 500 ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.REJECTED,
                "APy " + status + ": " + explanation);
    }
}
