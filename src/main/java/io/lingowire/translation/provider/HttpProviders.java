package io.lingowire.translation.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the HTTP providers share: transport failures as {@link ProviderException.Kind#TRANSIENT}, JSON bodies (a
 * leading byte-order mark tolerated), {@code Retry-After}, the start-up check of required settings, language codes
 * and pairs, and batching within a provider's limits with identical segments sent once and the order kept.
 * Credentials travel in headers or bodies built by the providers and never reach a message made here.
 */
public final class HttpProviders {

    public static final ObjectMapper JSON = new ObjectMapper();

    private HttpProviders() {
    }

    /** Translates one batch: exactly one output per input, in order. */
    @FunctionalInterface
    public interface Batch {
        List<String> translate(List<String> texts) throws ProviderException;
    }

    public static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Sends a request; a network error, a timeout or an interrupt is transient. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request, String provider)
            throws ProviderException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, provider + " did not answer in time");
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, provider + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted");
        }
    }

    /** A successful answer's body; one that is not JSON (a proxy's page, a cut-off answer) is transient. */
    public static JsonNode json(String body, String provider) throws ProviderException {
        try {
            return JSON.readTree(withoutBom(body));
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, provider + " answered with a body that is not JSON");
        }
    }

    /** An error answer's body, or a missing node when it is not JSON. */
    public static JsonNode errorBody(String body) {
        try {
            JsonNode node = JSON.readTree(withoutBom(body));
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Azure may put a byte-order mark before its JSON (Weblate decodes it as {@code utf-8-sig}). */
    private static String withoutBom(String body) {
        return body != null && body.startsWith("\uFEFF") ? body.substring(1) : body;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.get())));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The override (tests, regional or self-hosted endpoints) or the default base, joined with a path. */
    public static URI uri(Optional<String> override, String defaultBase, String path) {
        return URI.create(override.orElse(defaultBase).replaceAll("/+$", "") + path);
    }

    /**
     * A setting a configured provider cannot do without. The message names the environment variable, never the
     * value.
     */
    public static String required(Optional<String> value, String provider, String key) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(provider
                + " is configured as a provider, but " + key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
                + " (" + key + ") is not set"));
    }

    /** The primary language of a provider's code: {@code EN-GB}, {@code zh-Hans}, {@code pt_BR} give en, zh, pt. */
    public static String primary(String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT);
        int cut = lower.indexOf('-') >= 0 ? lower.indexOf('-') : lower.indexOf('_');
        return cut < 0 ? lower : lower.substring(0, cut);
    }

    /** Every pair from a source to a different target, for engines that translate between any of their languages. */
    public static Set<LanguagePair> allPairs(Collection<String> sources, Collection<String> targets) {
        Set<LanguagePair> pairs = new HashSet<>();
        for (String source : sources) {
            for (String target : targets) {
                String s = primary(source);
                String t = primary(target);
                if (!s.equals(t)) {
                    pairs.add(new LanguagePair(s, t));
                }
            }
        }
        return pairs;
    }

    /**
     * Sends each distinct segment once, in batches of at most {@code maxItems} texts and {@code maxChars} characters
     * (UTF-16 units, never fewer than code points; a longer segment goes alone), and returns one translation per
     * segment in the order given.
     */
    public static List<String> inBatches(List<String> segments, int maxItems, int maxChars, String provider, Batch call)
            throws ProviderException {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(segments));
        Map<String, String> translated = new HashMap<>();
        int from = 0;
        while (from < distinct.size()) {
            int to = from;
            long chars = 0;
            while (to < distinct.size() && to - from < maxItems
                    && (to == from || chars + distinct.get(to).length() <= maxChars)) {
                chars += distinct.get(to).length();
                to++;
            }
            List<String> batch = distinct.subList(from, to);
            List<String> out = call.translate(batch);
            if (out.size() != batch.size()) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT, provider + " returned " + out.size()
                        + " translations for " + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                translated.put(batch.get(i), out.get(i));
            }
            from = to;
        }
        return segments.stream().map(translated::get).toList();
    }
}
