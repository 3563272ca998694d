package io.lingowire.translation.provider.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lingowire.translation.provider.HttpProviders;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.PairsCache;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DeepL API v2: {@code POST /v2/translate} with a JSON batch and {@code tag_handling=xml}, so the {@code <ph/>}
 * placeholders are kept as markup; pairs from {@code GET /v2/languages}. Status codes follow DeepL's OpenAPI file:
 * 429 and 529 slow down (with {@code Retry-After} when sent), 456 is the exhausted character quota, 403 a bad key.
 * The key is sent only in the {@code Authorization} header and never logged.
 * <p>
 * Glossaries are DeepL glossaries where DeepL has them for the pair ({@code GET /v2/glossary-language-pairs}): each
 * version of a pair's glossary is created once as {@code lingowire-<source>-<target>-v<version>} from TSV entries
 * ({@code POST /v2/glossaries}), found again by name after a restart or on another replica, and sent as
 * {@code glossary_id}; versions older than the previous one are deleted.
 */
@ApplicationScoped
@Named("deepl")
public class DeeplProvider implements TranslationProvider {

    private static final Logger LOG = Logger.getLogger(DeeplProvider.class);

    /**
     * DeepL takes at most 50 texts per request and 128 KiB per request body: 30,000 characters stay below it at three
     * UTF-8 bytes a character, with room for the JSON around them.
     */
    static final int MAX_TEXTS = 50;
    static final int MAX_CHARS = 30_000;
    /** How often, and how long apart, a glossary DeepL reports not yet ready is asked about again. */
    private static final int READY_CHECKS = 10;
    private static final Duration READY_PAUSE = Duration.ofMillis(300);

    private final DeeplConfig config;
    private final HttpClient http;
    private final PairsCache pairs;
    private final PairsCache glossaryPairs;
    /** Glossary ids by name ({@link Terminology#name}). */
    private final Map<String, String> glossaries = new ConcurrentHashMap<>();

    DeeplProvider(DeeplConfig config, Clock clock) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.pairs = new PairsCache(config.pairsTtl(), clock);
        this.glossaryPairs = new PairsCache(config.pairsTtl(), clock);
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
    public boolean nativeGlossary(LanguagePair pair) {
        return glossaryPairs.get(() -> {
            Set<LanguagePair> supported = new HashSet<>();
            for (JsonNode p : call(HttpRequest.newBuilder(uri("/v2/glossary-language-pairs")).GET())
                    .path("supported_languages")) {
                supported.add(new LanguagePair(HttpProviders.primary(p.path("source_lang").asText()),
                        HttpProviders.primary(p.path("target_lang").asText())));
            }
            return supported;
        }).contains(pair);
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        String glossary = terminology.isEmpty() ? null : glossaryId(pair, terminology);
        try {
            return HttpProviders.inBatches(segments, MAX_TEXTS, MAX_CHARS, "DeepL",
                    batch -> translateBatch(pair, batch, glossary));
        } catch (ProviderException e) {
            if (glossary != null && e.kind == ProviderException.Kind.REJECTED) {
                // the glossary may have been deleted at DeepL: look it up again next time
                glossaries.values().remove(glossary);
            }
            throw e;
        }
    }

    private List<String> translateBatch(LanguagePair pair, List<String> segments, String glossary)
            throws ProviderException {
        ObjectNode request = HttpProviders.JSON.createObjectNode();
        ArrayNode text = request.putArray("text");
        segments.forEach(text::add);
        request.put("source_lang", pair.source().toUpperCase(Locale.ROOT));
        request.put("target_lang", pair.target().toUpperCase(Locale.ROOT));
        request.put("tag_handling", "xml");
        request.put("split_sentences", "nonewlines");
        if (glossary != null) {
            request.put("glossary_id", glossary);
        }
        JsonNode body = call(HttpRequest.newBuilder(uri("/v2/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)));
        List<String> out = new ArrayList<>(segments.size());
        for (JsonNode translation : body.path("translations")) {
            out.add(translation.path("text").asText());
        }
        return out;
    }

    /** The id of the DeepL glossary that holds this version of the pair's terms, created when there is none. */
    private synchronized String glossaryId(LanguagePair pair, Terminology terminology) throws ProviderException {
        String name = terminology.name(pair);
        String id = glossaries.get(name);
        if (id != null) {
            return id;
        }
        for (JsonNode stored : call(HttpRequest.newBuilder(uri("/v2/glossaries")).GET()).path("glossaries")) {
            String storedName = stored.path("name").asText();
            if (storedName.equals(name) && stored.path("entry_count").asInt() == terminology.entries().size()) {
                id = stored.path("glossary_id").asText();
            } else if (terminology.outdates(storedName, pair)) {
                delete(stored.path("glossary_id").asText());
            }
        }
        if (id == null) {
            StringBuilder tsv = new StringBuilder();
            terminology.entries().forEach((term, translation) -> tsv.append(term).append('\t').append(translation)
                    .append('\n'));
            ObjectNode create = HttpProviders.JSON.createObjectNode()
                    .put("name", name)
                    .put("source_lang", pair.source())
                    .put("target_lang", pair.target())
                    .put("entries", tsv.toString())
                    .put("entries_format", "tsv");
            JsonNode created = call(HttpRequest.newBuilder(uri("/v2/glossaries"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(create.toString(), StandardCharsets.UTF_8)));
            id = created.path("glossary_id").asText();
            awaitReady(id, created.path("ready").asBoolean(true));
        }
        glossaries.put(name, id);
        return id;
    }

    private void awaitReady(String id, boolean ready) throws ProviderException {
        for (int check = 0; !ready; check++) {
            if (check == READY_CHECKS) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT, "DeepL glossary " + id + " is not ready");
            }
            try {
                Thread.sleep(READY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
            }
            ready = call(HttpRequest.newBuilder(uri("/v2/glossaries/" + id)).GET()).path("ready").asBoolean(false);
        }
    }

    /** Deleting an outdated glossary is tidying up: a failure is left for the next version to retry. */
    private void delete(String id) {
        try {
            call(HttpRequest.newBuilder(uri("/v2/glossaries/" + id)).DELETE());
        } catch (ProviderException e) {
            LOG.debugf("DeepL glossary %s not deleted: %s", id, e.getMessage());
        }
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
        if (status / 100 == 2) {
            // 201 for a created glossary, 204 (no body) for a deleted one
            return response.body().isEmpty() ? MissingNode.getInstance() : HttpProviders.json(response.body(), "DeepL");
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
