package io.lingowire.translation.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lingowire.translation.provider.HttpProviders;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.PairsCache;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.lingowire.translation.segment.Protector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure AI Translator v3.0: {@code POST /translate?api-version=3.0&from=…&to=…&textType=html} with
 * {@code [{"Text":"…"}]}, answered by {@code [{"translations":[{"text","to"}]}]} (a byte-order mark may precede the
 * JSON); pairs from {@code GET /languages?api-version=3.0&scope=translation}, any language to any other. The key goes
 * in {@code Ocp-Apim-Subscription-Key}, the region in {@code Ocp-Apim-Subscription-Region}. Errors carry a six-digit
 * code whose first three digits are the HTTP status: 403001 is the exhausted free quota, 429xxx slow down, 401xxx and
 * other 403xxx a bad key or resource, 400035/400036 a language Azure does not have. A request holds at most 1,000
 * texts and 50,000 characters (counted across targets; we send one target).
 * <p>
 * Glossaries go as Azure's dynamic dictionary: each term in the text is wrapped in
 * {@code <mstrans:dictionary translation="…">term</mstrans:dictionary>}, which Azure honours only when English is one
 * side of the pair and {@code from} is given; for other pairs the terms travel as placeholders.
 */
@ApplicationScoped
@Named("azure")
public class AzureProvider implements TranslationProvider {

    static final int MAX_TEXTS = 1000;
    static final int MAX_CHARS = 50_000;
    /** A placeholder or other element in a segment; glossary terms are looked for between them. */
    private static final Pattern ELEMENT = Pattern.compile("<[^>]*>");

    private final AzureConfig config;
    private final HttpClient http;
    private final PairsCache pairs;

    AzureProvider(AzureConfig config, Clock clock) {
        this.config = config;
        this.http = HttpProviders.client(config.timeout());
        this.pairs = new PairsCache(config.pairsTtl(), clock);
    }

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public boolean selfHosted() {
        return false;
    }

    @Override
    public void checkConfigured() {
        HttpProviders.required(config.key(), "azure", "lingowire.providers.azure.key");
    }

    @Override
    public String model(LanguagePair pair) {
        return "azure/v3.0";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return pairs.get(() -> {
            // the language list needs no key
            JsonNode body = call(HttpRequest.newBuilder(HttpProviders.uri(config.url(),
                    "https://api.cognitive.microsofttranslator.com", "/languages?api-version=3.0&scope=translation")).GET());
            List<String> codes = new ArrayList<>();
            body.path("translation").fieldNames().forEachRemaining(codes::add);
            return HttpProviders.allPairs(codes, codes);
        });
    }

    @Override
    public boolean nativeGlossary(LanguagePair pair) {
        return pair.source().equals("en") || pair.target().equals("en");
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology)
            throws ProviderException {
        List<String> marked = terminology.isEmpty() ? segments
                : segments.stream().map(dictionaryMarkup(terminology.entries())).toList();
        return HttpProviders.inBatches(marked, MAX_TEXTS, MAX_CHARS, "Azure", batch -> translateBatch(pair, batch));
    }

    static String dictionaryMarkup(String segment, Map<String, String> entries) {
        return dictionaryMarkup(entries).apply(segment);
    }

    /**
     * What wraps each glossary term in a segment's text (XML-escaped, with {@code <ph/>} elements) in dynamic
     * dictionary markup; longer terms win over terms inside them. Built once per request.
     */
    static UnaryOperator<String> dictionaryMarkup(Map<String, String> entries) {
        Map<String, String> byEscapedTerm = new HashMap<>();
        entries.forEach((term, translation) -> byEscapedTerm.put(Protector.escape(term), translation));
        Pattern terms = Protector.anyTerm(byEscapedTerm.keySet());
        return segment -> {
            StringBuilder out = new StringBuilder();
            Matcher element = ELEMENT.matcher(segment);
            int at = 0;
            while (true) {
                boolean found = element.find();
                int end = found ? element.start() : segment.length();
                Matcher term = terms.matcher(segment.substring(at, end));
                while (term.find()) {
                    term.appendReplacement(out, Matcher.quoteReplacement("<mstrans:dictionary translation=\""
                            + Protector.escape(byEscapedTerm.get(term.group())).replace("\"", "&quot;") + "\">"
                            + term.group() + "</mstrans:dictionary>"));
                }
                term.appendTail(out);
                if (!found) {
                    return out.toString();
                }
                out.append(element.group());
                at = element.end();
            }
        };
    }

    private List<String> translateBatch(LanguagePair pair, List<String> texts) throws ProviderException {
        ArrayNode request = HttpProviders.JSON.createArrayNode();
        texts.forEach(t -> request.addObject().put("Text", t));
        String query = "/translate?api-version=3.0&from=" + URLEncoder.encode(pair.source(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(pair.target(), StandardCharsets.UTF_8) + "&textType=html";
        HttpRequest.Builder builder = HttpRequest.newBuilder(HttpProviders.uri(config.url(),
                        "https://api.cognitive.microsofttranslator.com", query))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Ocp-Apim-Subscription-Key", config.key().orElse(""))
                .header("X-ClientTraceId", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8));
        config.region().filter(r -> !r.isBlank()).ifPresent(r -> builder.header("Ocp-Apim-Subscription-Region", r));
        List<String> out = new ArrayList<>(texts.size());
        for (Iterator<JsonNode> it = call(builder).elements(); it.hasNext(); ) {
            out.add(it.next().path("translations").path(0).path("text").asText());
        }
        return out;
    }

    private JsonNode call(HttpRequest.Builder request) throws ProviderException {
        HttpResponse<String> response = HttpProviders.send(http, request.timeout(config.timeout()).build(), "Azure");
        int status = response.statusCode();
        if (status == 200) {
            return HttpProviders.json(response.body(), "Azure");
        }
        JsonNode error = HttpProviders.errorBody(response.body()).path("error");
        int code = error.path("code").asInt(status * 1000);
        String message = "Azure " + code + ": " + error.path("message").asText("");
        Duration retryAfter = HttpProviders.retryAfter(response);
        if (code == 403001) {
            throw new ProviderException(ProviderException.Kind.QUOTA_EXHAUSTED, message);
        }
        if (code == 400035 || code == 400036) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, message);
        }
        throw switch (code / 1000) {
            case 429 -> new ProviderException(ProviderException.Kind.RATE_LIMITED, message, retryAfter);
            case 400, 401, 403, 404, 413 -> new ProviderException(ProviderException.Kind.REJECTED, message);
            default -> new ProviderException(ProviderException.Kind.TRANSIENT, message, retryAfter);
        };
    }
}
