package io.lingowire.translation.provider.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.TranslationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DeepL API v2: {@code POST /v2/translate} with a JSON batch and {@code tag_handling=xml}, so the {@code <ph/>}
 * placeholders are kept as markup; pairs from {@code GET /v2/languages}. Status codes follow DeepL's OpenAPI file:
 * 429 and 529 slow down (with {@code Retry-After} when sent), 456 is the exhausted character quota, 403 a bad key.
 * The key is sent only in the {@code Authorization} header and never logged.
 */
@ApplicationScoped
@Named("deepl")
public class DeeplProvider implements TranslationProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeeplConfig config;
    private final HttpClient http;
    private volatile Set<LanguagePair> pairs;
    private volatile Instant pairsAt = Instant.EPOCH;

    DeeplProvider(DeeplConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String name() {
        return "deepl";
    }

    @Override
    public boolean selfHosted() {
        return false;
    }

    @Override
    public void checkConfigured() {
        if (config.apiKey().filter(k -> !k.isBlank()).isEmpty()) {
            throw new IllegalStateException("deepl is configured as a provider, but LINGOWIRE_PROVIDERS_DEEPL_API_KEY "
                    + "(lingowire.providers.deepl.api-key) is not set");
        }
    }

    @Override
    public String model(LanguagePair pair) {
        return "deepl/v2";
    }

    @Override
    public Set<LanguagePair> pairs() {
        if (pairs == null || pairsAt.plus(config.pairsTtl()).isBefore(Instant.now())) {
            try {
                Set<String> sources = languages("source");
                Set<String> targets = languages("target");
                Set<LanguagePair> found = new HashSet<>();
                for (String source : sources) {
                    for (String target : targets) {
                        if (!source.equals(target)) {
                            found.add(new LanguagePair(source, target));
                        }
                    }
                }
                pairs = Set.copyOf(found);
                pairsAt = Instant.now();
            } catch (ProviderException e) {
                return pairs == null ? Set.of() : pairs;
            }
        }
        return pairs;
    }

    private Set<String> languages(String type) throws ProviderException {
        JsonNode body = call(HttpRequest.newBuilder(uri("/v2/languages?type=" + type)).GET());
        Set<String> codes = new HashSet<>();
        for (JsonNode language : body) {
            String code = language.path("language").asText().toLowerCase(Locale.ROOT);
            int dash = code.indexOf('-');
            codes.add(dash < 0 ? code : code.substring(0, dash));
        }
        return codes;
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments) throws ProviderException {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode text = request.putArray("text");
        segments.forEach(text::add);
        request.put("source_lang", pair.source().toUpperCase(Locale.ROOT));
        request.put("target_lang", pair.target().toUpperCase(Locale.ROOT));
        request.put("tag_handling", "xml");
        request.put("split_sentences", "nonewlines");
        JsonNode body = call(HttpRequest.newBuilder(uri("/v2/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)));
        List<String> out = new ArrayList<>(segments.size());
        for (JsonNode translation : body.path("translations")) {
            out.add(translation.path("text").asText());
        }
        if (out.size() != segments.size()) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "DeepL returned " + out.size()
                    + " translations for " + segments.size() + " texts");
        }
        return out;
    }

    private URI uri(String path) {
        String key = config.apiKey().orElse("");
        String base = config.url().orElse(key.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com");
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private JsonNode call(HttpRequest.Builder request) throws ProviderException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(config.timeout())
                            .header("Authorization", "DeepL-Auth-Key " + config.apiKey().orElse("")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "DeepL unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
        }
        int status = response.statusCode();
        String message = message(response.body());
        Duration retryAfter = response.headers().firstValue("Retry-After").map(DeeplProvider::seconds).orElse(null);
        return switch (status) {
            case 200 -> parse(response.body());
            case 429, 529 -> throw new ProviderException(ProviderException.Kind.RATE_LIMITED,
                    "DeepL " + status + ": " + message, retryAfter);
            case 456 -> throw new ProviderException(ProviderException.Kind.QUOTA_EXHAUSTED, "DeepL 456: " + message);
            case 400, 401, 403, 404, 413, 414 -> throw new ProviderException(ProviderException.Kind.REJECTED,
                    "DeepL " + status + ": " + message);
            default -> throw new ProviderException(ProviderException.Kind.TRANSIENT, "DeepL " + status + ": " + message,
                    retryAfter);
        };
    }

    private static JsonNode parse(String body) throws ProviderException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "DeepL answered with a body that is not JSON");
        }
    }

    /** DeepL's error body: {@code {"message": "...", "code": "..."}}. */
    private static String message(String body) {
        try {
            return JSON.readTree(body).path("message").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
