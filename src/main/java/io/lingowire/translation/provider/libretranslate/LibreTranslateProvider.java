package io.lingowire.translation.provider.libretranslate;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LibreTranslate ({@code libretranslate/app.py}, 1.9): {@code POST /translate} with
 * {@code {"q":[…],"source","target","format":"html","api_key"}}, answered by {@code {"translatedText":[…]}} (a
 * string when a single text was sent as a string); pairs from {@code GET /languages}, each source with its
 * {@code targets}. Errors are always {@code {"error":"…"}}: 400 "… is not supported" is an unsupported pair, a 400
 * asking for an API key and 403 "Invalid API key" are rejected, 403 "Too many request limits violations" is the
 * flood ban (it decays, so we slow down), 429 "Slowdown: N per 1 minute" rate-limits for the limiter's window unless
 * {@code Retry-After} says otherwise, and a daily limit ({@code --daily-req-limit}) is the quota for a day. We send
 * an explicit source: with {@code source=auto} the server detects one language for the whole batch.
 */
@ApplicationScoped
@Named("libretranslate")
public class LibreTranslateProvider implements TranslationProvider {

    private static final Pattern SLOWDOWN = Pattern.compile("per (\\d+) (second|minute|hour|day)");

    private final LibreTranslateConfig config;
    private final HttpClient http;
    private final PairsCache pairs;

    LibreTranslateProvider(LibreTranslateConfig config, Clock clock) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.pairs = new PairsCache(config.pairsTtl(), clock);
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public boolean selfHosted() {
        return true;
    }

    @Override
    public void checkConfigured() {
        HttpProviders.required(config.url(), "libretranslate", "lingowire.providers.libretranslate.url");
    }

    @Override
    public String model(LanguagePair pair) {
        return "libretranslate/argos";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return pairs.get(() -> {
            Set<LanguagePair> found = new HashSet<>();
            for (JsonNode language : call(HttpRequest.newBuilder(uri("/languages")).GET())) {
                List<String> targets = new ArrayList<>();
                language.path("targets").forEach(t -> targets.add(t.asText()));
                found.addAll(HttpProviders.allPairs(List.of(language.path("code").asText()), targets));
            }
            return found;
        });
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        int limit = config.batchLimit().orElse(Integer.MAX_VALUE);
        return HttpProviders.inBatches(segments, limit > 0 ? limit : Integer.MAX_VALUE, Integer.MAX_VALUE,
                "LibreTranslate", batch -> translateBatch(pair, batch));
    }

    private List<String> translateBatch(LanguagePair pair, List<String> texts) throws ProviderException {
        ObjectNode request = HttpProviders.JSON.createObjectNode();
        texts.forEach(request.putArray("q")::add);
        request.put("source", pair.source());
        request.put("target", pair.target());
        request.put("format", "html");
        config.apiKey().filter(k -> !k.isBlank()).ifPresent(k -> request.put("api_key", k));
        JsonNode translated = call(HttpRequest.newBuilder(uri("/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)))
                .path("translatedText");
        List<String> out = new ArrayList<>(texts.size());
        if (translated.isTextual()) {
            out.add(translated.asText());
        } else {
            translated.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    private URI uri(String path) throws ProviderException {
        if (config.url().isEmpty()) {
            throw new ProviderException(ProviderException.Kind.REJECTED, "lingowire.providers.libretranslate.url is not set");
        }
        return HttpProviders.uri(config.url(), "", path);
    }

    private JsonNode call(HttpRequest.Builder request) throws ProviderException {
        HttpResponse<String> response = HttpProviders.send(http, request.timeout(config.timeout()).build(),
                "LibreTranslate");
        int status = response.statusCode();
        if (status == 200) {
            return HttpProviders.json(response.body(), "LibreTranslate");
        }
        String error = HttpProviders.errorBody(response.body()).path("error").asText("");
        String message = "LibreTranslate " + status + ": " + error;
        Duration retryAfter = HttpProviders.retryAfter(response);
        if (status == 429) {
            Duration window = window(error);
            Duration wait = retryAfter != null ? retryAfter : window;
            throw new ProviderException(window != null && window.compareTo(Duration.ofDays(1)) >= 0
                    ? ProviderException.Kind.QUOTA_EXHAUSTED : ProviderException.Kind.RATE_LIMITED, message, wait);
        }
        if (status == 403 && error.contains("limits violations")) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter);
        }
        if (status == 400 && error.endsWith("is not supported")) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, message);
        }
        throw new ProviderException(status >= 500 ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.REJECTED,
                message);
    }

    /** The limiter's window from "Slowdown: 20 per 1 minute": waiting that long frees the moving window. */
    private static Duration window(String error) {
        Matcher m = SLOWDOWN.matcher(error);
        if (!m.find()) {
            return null;
        }
        ChronoUnit unit = switch (m.group(2)) {
            case "second" -> ChronoUnit.SECONDS;
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        return Duration.of(Long.parseLong(m.group(1)), unit);
    }
}
