package io.lingowire.translation.provider.amazon;

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
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amazon Translate over the AWS JSON 1.1 protocol: every operation is a {@code POST /} to
 * {@code translate.<region>.amazonaws.com} with {@code Content-Type: application/x-amz-json-1.1} and
 * {@code X-Amz-Target: AWSShineFrontendService_20170701.<Operation>}, signed with SigV4 ({@link SigV4}, no SDK).
 * {@code TranslateText} takes one text ({@code {"Text","SourceLanguageCode","TargetLanguageCode"}} →
 * {@code {"TranslatedText"}}), so each distinct segment is its own call; the {@code <ph/>} placeholders go as
 * HTML elements, which Amazon Translate passes through untranslated. Pairs from {@code ListLanguages}, any language to
 * any other. Errors are {@code {"__type":"<Exception>","message"}} (also in {@code x-amzn-ErrorType}): throttling is
 * rate limiting, {@code LimitExceededException} / {@code ServiceQuotaExceededException} an exhausted quota, unknown or
 * badly signed credentials are rejected, {@code InternalServerException} / {@code ServiceUnavailableException}
 * transient. Only the first line of AWS's message is kept: a signature mismatch spells out the canonical request.
 * <p>
 * Glossaries go as custom terminology: each version of a pair's glossary is imported once per process as
 * {@code lingowire-<source>-<target>-v<version>} ({@code ImportTerminology}, CSV, one direction; a new name each
 * version, as an overwrite takes minutes to reach every server) and named in {@code TerminologyNames}; versions older
 * than the previous one are deleted.
 */
@ApplicationScoped
@Named("amazon")
public class AmazonProvider implements TranslationProvider {

    private static final Logger LOG = Logger.getLogger(AmazonProvider.class);

    static final String TARGET_PREFIX = "AWSShineFrontendService_20170701.";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** ListLanguages pages; a few hundred languages fit in one page of 500. */
    private static final int MAX_PAGES = 10;

    private final AmazonConfig config;
    private final HttpClient http;
    private final PairsCache pairs;
    private final Clock clock;
    /** Terminology names this process has imported. */
    private final Set<String> imported = ConcurrentHashMap.newKeySet();

    AmazonProvider(AmazonConfig config, Clock clock) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.clock = clock;
        this.pairs = new PairsCache(config.pairsTtl(), clock);
    }

    @Override
    public String name() {
        return "amazon";
    }

    @Override
    public boolean selfHosted() {
        return false;
    }

    @Override
    public void checkConfigured() {
        HttpProviders.required(config.accessKeyId(), "amazon", "lingowire.providers.amazon.access-key-id");
        HttpProviders.required(config.secretAccessKey(), "amazon", "lingowire.providers.amazon.secret-access-key");
        HttpProviders.required(config.region(), "amazon", "lingowire.providers.amazon.region");
    }

    @Override
    public String model(LanguagePair pair) {
        return "amazon/translate";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return pairs.get(() -> {
            Set<String> codes = new HashSet<>();
            String next = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                ObjectNode request = HttpProviders.JSON.createObjectNode().put("MaxResults", 500);
                if (next != null) {
                    request.put("NextToken", next);
                }
                JsonNode body = call("ListLanguages", request);
                body.path("Languages").forEach(l -> codes.add(l.path("LanguageCode").asText()));
                next = body.path("NextToken").asText(null);
                if (next == null || next.isEmpty()) {
                    break;
                }
            }
            return HttpProviders.allPairs(codes, codes);
        });
    }

    @Override
    public boolean nativeGlossary(LanguagePair pair) {
        return true;
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        String terminologyName = terminology.isEmpty() ? null : imported(pair, terminology);
        return HttpProviders.inBatches(segments, 1, Integer.MAX_VALUE, "Amazon", batch -> {
            ObjectNode request = HttpProviders.JSON.createObjectNode()
                    .put("Text", batch.get(0))
                    .put("SourceLanguageCode", pair.source())
                    .put("TargetLanguageCode", pair.target());
            if (terminologyName != null) {
                request.putArray("TerminologyNames").add(terminologyName);
            }
            return List.of(call("TranslateText", request).path("TranslatedText").asText());
        });
    }

    /** Imports this version of the pair's glossary unless this process already has, and tidies up old versions. */
    private synchronized String imported(LanguagePair pair, Terminology terminology) throws ProviderException {
        String name = terminology.name(pair);
        if (imported.contains(name)) {
            return name;
        }
        StringBuilder csv = new StringBuilder(pair.source()).append(',').append(pair.target()).append('\n');
        terminology.entries().forEach((term, translation) -> csv.append(csvField(term)).append(',')
                .append(csvField(translation)).append('\n'));
        ObjectNode request = HttpProviders.JSON.createObjectNode()
                .put("Name", name)
                .put("MergeStrategy", "OVERWRITE")
                .put("Description", "Lingowire glossary " + pair + " version " + terminology.version());
        request.putObject("TerminologyData")
                .put("File", Base64.getEncoder().encodeToString(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .put("Format", "CSV")
                .put("Directionality", "UNI");
        call("ImportTerminology", request);
        imported.add(name);
        try {
            JsonNode listed = call("ListTerminologies", HttpProviders.JSON.createObjectNode().put("MaxResults", 500));
            for (JsonNode stored : listed.path("TerminologyPropertiesList")) {
                String storedName = stored.path("Name").asText();
                if (terminology.outdates(storedName, pair)) {
                    call("DeleteTerminology", HttpProviders.JSON.createObjectNode().put("Name", storedName));
                }
            }
        } catch (ProviderException e) {
            // tidying up: the next version tries again
            LOG.debugf("Old Amazon terminologies for %s not deleted: %s", pair, e.getMessage());
        }
        return name;
    }

    private static String csvField(String value) {
        return value.indexOf(',') < 0 && value.indexOf('"') < 0 ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private JsonNode call(String operation, ObjectNode body) throws ProviderException {
        String region = config.region().orElse("");
        URI uri = HttpProviders.uri(config.url(), "https://translate." + region + ".amazonaws.com", "/");
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Date", AMZ_DATE.format(clock.instant()));
        headers.put("X-Amz-Target", TARGET_PREFIX + operation);
        config.sessionToken().filter(t -> !t.isBlank()).ifPresent(t -> headers.put("X-Amz-Security-Token", t));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        headers.forEach(request::header);
        // the client sends Host itself; it is signed all the same
        headers.put("Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        request.header("Authorization", new SigV4(config.accessKeyId().orElse(""), config.secretAccessKey().orElse(""),
                region, "translate").authorization("POST", path, "", headers, payload));
        HttpResponse<String> response = HttpProviders.send(http, request.build(), "Amazon");
        int status = response.statusCode();
        if (status == 200) {
            return HttpProviders.json(response.body(), "Amazon");
        }
        throw failure(response);
    }

    private static ProviderException failure(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode error = HttpProviders.errorBody(response.body());
        String type = error.path("__type").asText(response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        type = type.substring(type.lastIndexOf('#') + 1);
        if (type.indexOf(':') >= 0) {
            type = type.substring(0, type.indexOf(':'));
        }
        String text = error.path("message").asText(error.path("Message").asText(""));
        int newline = text.indexOf('\n');
        String message = "Amazon " + status + " " + type + ": " + (newline < 0 ? text : text.substring(0, newline));
        Duration retryAfter = HttpProviders.retryAfter(response);
        return switch (type) {
            case "ThrottlingException", "TooManyRequestsException" ->
                    new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter);
            case "LimitExceededException", "ServiceQuotaExceededException" ->
                    new ProviderException(ProviderException.Kind.QUOTA_EXHAUSTED, message);
            case "UnsupportedLanguagePairException" -> new ProviderException(ProviderException.Kind.UNSUPPORTED, message);
            case "InternalServerException", "ServiceUnavailableException" ->
                    new ProviderException(ProviderException.Kind.TRANSIENT, message, retryAfter);
            default -> status == 429 ? new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter)
                    : status >= 500 ? new ProviderException(ProviderException.Kind.TRANSIENT, message, retryAfter)
                    : new ProviderException(ProviderException.Kind.REJECTED, message);
        };
    }
}
