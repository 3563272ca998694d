package io.lingowire.translation.provider.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lingowire.translation.provider.HttpProviders;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.PairsCache;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.TranslationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /**
     * DeepL takes at most 50 texts per request and 128 KiB per request body: 30,000 characters stay below it at three
     * UTF-8 bytes a character, with room for the JSON around them.
     */
    static final int MAX_TEXTS = 50;
    static final int MAX_CHARS = 30_000;

    private final DeeplConfig config;
    private final HttpClient http;
    private final PairsCache pairs;

    DeeplProvider(DeeplConfig config) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.pairs = new PairsCache(config.pairsTtl());
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
        HttpProviders.required(config.apiKey(), "deepl", "lingowire.providers.deepl.api-key");
    }

    @Override
    public String model(LanguagePair pair) {
        return "deepl/v2";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return pairs.get(() -> HttpProviders.allPairs(languages("source"), languages("target")));
    }

    private Set<String> languages(String type) throws ProviderException {
        JsonNode body = call(HttpRequest.newBuilder(uri("/v2/languages?type=" + type)).GET());
        Set<String> codes = new HashSet<>();
        for (JsonNode language : body) {
            codes.add(language.path("language").asText());
        }
        return codes;
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments) throws ProviderException {
        return HttpProviders.inBatches(segments, MAX_TEXTS, MAX_CHARS, "DeepL", batch -> translateBatch(pair, batch));
    }

    private List<String> translateBatch(LanguagePair pair, List<String> segments) throws ProviderException {
        ObjectNode request = HttpProviders.JSON.createObjectNode();
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
        return out;
    }

    private URI uri(String path) {
        String key = config.apiKey().orElse("");
        return HttpProviders.uri(config.url(), key.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com",
                path);
    }

    private JsonNode call(HttpRequest.Builder request) throws ProviderException {
        HttpResponse<String> response = HttpProviders.send(http, request.timeout(config.timeout())
                .header("Authorization", "DeepL-Auth-Key " + config.apiKey().orElse("")).build(), "DeepL");
        int status = response.statusCode();
        if (status == 200) {
            return HttpProviders.json(response.body(), "DeepL");
        }
        // DeepL's error body: {"message": "...", "code": "..."}
        String message = "DeepL " + status + ": " + HttpProviders.errorBody(response.body()).path("message").asText("");
        Duration retryAfter = HttpProviders.retryAfter(response);
        throw switch (status) {
            case 429, 529 -> new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter);
            case 456 -> new ProviderException(ProviderException.Kind.QUOTA_EXHAUSTED, message);
            case 400, 401, 403, 404, 413, 414 -> new ProviderException(ProviderException.Kind.REJECTED, message);
            default -> new ProviderException(ProviderException.Kind.TRANSIENT, message, retryAfter);
        };
    }
}
