package io.lingowire.translation.provider.google;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Google Cloud Translation v3: {@code POST /v3/projects/{project}/locations/{location}:translateText} with
 * {@code {"contents":[…],"mimeType":"text/html"}}, so the {@code <ph/>} placeholders pass as markup; pairs from
 * {@code GET …/supportedLanguages} ({@code supportSource} / {@code supportTarget}). Authenticated with
 * {@code Authorization: Bearer <access token>}. Errors come in Google's envelope
 * {@code {"error":{"code","message","status"}}}: 429 {@code RESOURCE_EXHAUSTED} and 403 "User Rate Limit Exceeded"
 * slow down, a daily limit ("Daily Limit Exceeded", "per day") is the quota until midnight Pacific time, when Google
 * resets daily quotas; other 401/403 are a bad or unauthorised token. Batches hold at most 1,024 texts and 5,000
 * characters, Google's recommended request size.
 */
@ApplicationScoped
@Named("google")
public class GoogleProvider implements TranslationProvider {

    static final int MAX_TEXTS = 1024;
    static final int MAX_CHARS = 5_000;
    private static final Pattern DAILY = Pattern.compile("(?i)daily|per day");
    private static final Pattern RATE = Pattern.compile("(?i)rate limit|per minute|per 100 seconds|quota exceeded");
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private final GoogleConfig config;
    private final HttpClient http;
    private final PairsCache pairs;

    GoogleProvider(GoogleConfig config, Clock clock) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.pairs = new PairsCache(config.pairsTtl(), clock);
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public boolean selfHosted() {
        return false;
    }

    @Override
    public void checkConfigured() {
        HttpProviders.required(config.accessToken(), "google", "lingowire.providers.google.access-token");
        HttpProviders.required(config.project(), "google", "lingowire.providers.google.project");
    }

    @Override
    public String model(LanguagePair pair) {
        return "google/v3/nmt";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return pairs.get(() -> {
            JsonNode body = call(HttpRequest.newBuilder(HttpProviders.uri(config.url(), "https://translate.googleapis.com",
                    parent() + "/supportedLanguages")).GET());
            Set<String> sources = new HashSet<>();
            Set<String> targets = new HashSet<>();
            for (JsonNode language : body.path("languages")) {
                String code = language.path("languageCode").asText();
                if (language.path("supportSource").asBoolean(false)) {
                    sources.add(code);
                }
                if (language.path("supportTarget").asBoolean(false)) {
                    targets.add(code);
                }
            }
            return HttpProviders.allPairs(sources, targets);
        });
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        return HttpProviders.inBatches(segments, MAX_TEXTS, MAX_CHARS, "Google", batch -> translateBatch(pair, batch));
    }

    private List<String> translateBatch(LanguagePair pair, List<String> texts) throws ProviderException {
        ObjectNode request = HttpProviders.JSON.createObjectNode();
        texts.forEach(request.putArray("contents")::add);
        request.put("mimeType", "text/html");
        request.put("sourceLanguageCode", pair.source());
        request.put("targetLanguageCode", pair.target());
        JsonNode body = call(HttpRequest.newBuilder(HttpProviders.uri(config.url(), "https://translate.googleapis.com",
                        parent() + ":translateText"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)));
        List<String> out = new ArrayList<>(texts.size());
        for (JsonNode translation : body.path("translations")) {
            out.add(translation.path("translatedText").asText());
        }
        return out;
    }

    private String parent() {
        return "/v3/projects/" + config.project().orElse("") + "/locations/" + config.location();
    }

    private JsonNode call(HttpRequest.Builder request) throws ProviderException {
        HttpResponse<String> response = HttpProviders.send(http, request.timeout(config.timeout())
                .header("Authorization", "Bearer " + config.accessToken().orElse("")).build(), "Google");
        int status = response.statusCode();
        if (status == 200) {
            return HttpProviders.json(response.body(), "Google");
        }
        JsonNode error = HttpProviders.errorBody(response.body()).path("error");
        String text = error.path("message").asText("");
        String message = "Google " + status + " " + error.path("status").asText("") + ": " + text;
        Duration retryAfter = HttpProviders.retryAfter(response);
        if ((status == 429 || status == 403) && DAILY.matcher(text).find()) {
            throw new ProviderException(ProviderException.Kind.QUOTA_EXHAUSTED, message, untilQuotaReset());
        }
        if (status == 429 || status == 403 && RATE.matcher(text).find()) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter);
        }
        throw switch (status) {
            case 400, 401, 403, 404 -> new ProviderException(ProviderException.Kind.REJECTED, message);
            default -> new ProviderException(ProviderException.Kind.TRANSIENT, message, retryAfter);
        };
    }

    /** Google resets daily quotas at midnight Pacific time. */
    private static Duration untilQuotaReset() {
        ZonedDateTime now = ZonedDateTime.now(QUOTA_ZONE);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(QUOTA_ZONE));
    }
}
