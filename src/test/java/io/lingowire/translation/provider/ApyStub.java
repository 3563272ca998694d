package io.lingowire.translation.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * In-process Apertium APy speaking the wire format of the real server (Debian's apertium-apy 0.11.7 on Tornado),
 * wired in as the provider {@code apertium-apy}, the self-hosted engine:
 * <ul>
 * <li>{@code GET /listPairs}: {@code {"responseData":[{"sourceLanguage":"eng","targetLanguage":"spa"},…],
 * "responseDetails":null,"responseStatus":200}}, a variant such as {@code eng-cat_valencia} among the pairs;</li>
 * <li>{@code GET} or {@code POST /translate} with {@code langpair=eng|spa}, {@code q} (repeated: the last counts,
 * as Tornado's {@code get_argument} has it) and {@code markUnknown} ({@code yes}, {@code true} or {@code 1}, the
 * default: unknown words get a {@code *}): {@code {"responseData":{"translatedText":"…"},"responseDetails":null,
 * "responseStatus":200}}, with {@code </} written {@code <\/} and trailing whitespace gone, as the server
 * answers;</li>
 * <li>errors as {@code {"status":"error","code":400,"message":"Bad Request","explanation":"That pair is not
 * installed"}} (or {@code "Missing argument q"}).</li>
 * </ul>
 * It translates deterministically with a small phrase table ({@link #WORDS}), longest phrase first, keeping the
 * first letter's case; markup ({@code <p data-lw="0">}, placeholders {@code <ph id="1"/>}) and entities
 * ({@code &amp;}) pass through untouched, as in Apertium's HTML mode. So "Storm X reaches the coast" becomes
 * "Tormenta X llega a la costa" in Spanish and "Tempesta X arriba a la costa" in Catalan.
 */
public class ApyStub implements QuarkusTestResourceLifecycleManager {

    public static final String PROVIDER = "apertium-apy";

    /** The installed pairs, {@code source|target} as APy's {@code langpair}, each with its phrase table. */
    public static final Map<String, Map<String, String>> WORDS;

    static {
        Map<String, String> spa = Map.of("storm", "tormenta", "the storm", "la tormenta", "reaches", "llega a",
                "coast", "costa", "the coast", "la costa", "closed", "cerró", "roads", "carreteras",
                "the roads", "las carreteras", "the", "el");
        Map<String, String> cat = Map.of("storm", "tempesta", "the storm", "la tempesta", "reaches", "arriba a",
                "coast", "costa", "the coast", "la costa", "closed", "va tancar", "roads", "carreteres",
                "the roads", "les carreteres", "the", "el");
        Map<String, Map<String, String>> pairs = new LinkedHashMap<>();
        pairs.put("eng|spa", spa);
        pairs.put("eng|cat", cat);
        pairs.put("eng|cat_valencia", cat);
        pairs.put("spa|eng", Map.of("tormenta", "storm", "la tormenta", "the storm", "costa", "coast"));
        WORDS = Collections.unmodifiableMap(pairs);
    }

    private static final String TRANSLATOR = "apy-translate";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|&#?\\w+;");

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options());
        server.start();
        stub(server);
        return Map.of("lingowire.providers.apertium-apy.url", "http://localhost:" + server.port(),
                "lingowire.translation.providers", PROVIDER);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A dynamic port and the translating transformer, for a server of one's own. */
    public static WireMockConfiguration options() {
        return WireMockConfiguration.options().dynamicPort().extensions(new Translator());
    }

    /** Stubs {@code /listPairs} and {@code /translate} on a server made with {@link #options()}. */
    public static void stub(WireMockServer on) {
        List<Map<String, String>> pairs = WORDS.keySet().stream().map(p -> p.split("\\|"))
                .map(p -> Map.of("sourceLanguage", p[0], "targetLanguage", p[1])).toList();
        on.stubFor(get(urlPathEqualTo("/listPairs")).willReturn(answer(200, envelope(pairs))));
        on.stubFor(any(urlPathEqualTo("/translate")).willReturn(aResponse().withTransformers(TRANSLATOR)));
    }

    /** What the stub makes of {@code text} for {@code langpair}, as {@code /translate} answers it. */
    public static String translate(String langpair, String text, boolean markUnknown) {
        Map<String, String> words = WORDS.get(langpair);
        if (words == null) {
            throw new IllegalArgumentException("no pair " + langpair);
        }
        StringBuilder out = new StringBuilder();
        Matcher markup = MARKUP.matcher(text);
        int at = 0;
        while (markup.find()) {
            out.append(words(words, text.substring(at, markup.start()), markUnknown)).append(markup.group());
            at = markup.end();
        }
        return out.append(words(words, text.substring(at), markUnknown)).toString().stripTrailing();
    }

    /** Requests the stub received whose body or query mentions {@code text}. */
    public static long requestsMentioning(String text) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getBodyAsString().contains(text) || r.getUrl().contains(text)).count();
    }

    private static String words(Map<String, String> table, String run, boolean markUnknown) {
        String phrases = table.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(k -> Pattern.quote(k).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|"));
        Matcher m = Pattern.compile("(?iu)(?<!\\p{L})(?:" + phrases + "|\\p{L}+)(?!\\p{L})").matcher(run);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            String translation = table.get(found.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            String replacement = translation == null ? (markUnknown ? "*" : "") + found
                    : Character.isUpperCase(found.charAt(0))
                    ? Character.toUpperCase(translation.charAt(0)) + translation.substring(1) : translation;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> envelope(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseData", data);
        body.put("responseDetails", null);
        body.put("responseStatus", 200);
        return body;
    }

    private static Map<String, Object> error(String explanation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("code", 400);
        body.put("message", "Bad Request");
        body.put("explanation", explanation);
        return body;
    }

    private static ResponseDefinitionBuilder answer(int status, Object body) {
        try {
            // Tornado's json_encode: UTF-8 as it is, and "</" escaped so that the JSON can sit in a script element
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody(JSON.writeValueAsString(body).replace("</", "<\\/"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The arguments as Tornado gathers them: the query's, then a form body's. */
    private static Map<String, List<String>> arguments(Request request) {
        Map<String, List<String>> args = new HashMap<>();
        String url = request.getUrl();
        int query = url.indexOf('?');
        if (query >= 0) {
            parse(url.substring(query + 1), args);
        }
        String type = request.getHeader("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            parse(request.getBodyAsString(), args);
        }
        return args;
    }

    private static void parse(String form, Map<String, List<String>> into) {
        for (String field : form.split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            int eq = field.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? field : field.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    /** Answers {@code /translate} from the request's arguments. */
    static final class Translator implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return TRANSLATOR;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Map<String, List<String>> args = arguments(event.getRequest());
            for (String required : List.of("langpair", "q")) {
                if (!args.containsKey(required)) {
                    return answer(400, error("Missing argument " + required)).build();
                }
            }
            String langpair = last(args, "langpair");
            if (!WORDS.containsKey(langpair)) {
                return answer(400, error("That pair is not installed")).build();
            }
            // APy: mark_unknown = get_argument('markUnknown', default='yes') in ['yes', 'true', '1']
            boolean markUnknown = !args.containsKey("markUnknown")
                    || List.of("yes", "true", "1").contains(last(args, "markUnknown"));
            String text = translate(langpair, last(args, "q"), markUnknown);
            return answer(200, envelope(Map.of("translatedText", text))).build();
        }

        private static String last(Map<String, List<String>> args, String name) {
            List<String> values = args.get(name);
            return values.get(values.size() - 1);
        }
    }
}
