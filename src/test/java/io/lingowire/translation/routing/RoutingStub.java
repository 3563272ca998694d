package io.lingowire.translation.routing;

import io.lingowire.support.Api;
import io.lingowire.translation.provider.ApyStub;
import io.lingowire.translation.provider.GoogleAzureStub;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;

/**
 * Google and Azure stubbed as in {@link GoogleAzureStub}, plus the self-hosted Apertium as an APy server
 * ({@link ApyStub}, on a port of its own), as the default chain {@code google,azure,apertium-apy}: no local engine
 * is needed. Both cloud engines answer any two-segment request (a title and one paragraph) until a test stubs
 * something else for its own words; APy translates with its phrase table, en>es and en>ca.
 */
public class RoutingStub extends GoogleAzureStub {

    static final String TRANSLATE_TEXT = GOOGLE_PARENT + ":translateText";
    static final String SELF_HOSTED = ApyStub.PROVIDER;

    private final ApyStub apy = new ApyStub();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(apy.start());
        config.put("lingowire.translation.providers", "google,azure," + SELF_HOSTED);
        server.stubFor(post(TRANSLATE_TEXT).atPriority(10).willReturn(json(200, toJson(Map.of("translations", List.of(
                Map.of("translatedText", "Titular de Google"), Map.of("translatedText", "Texto de Google.")))))));
        server.stubFor(post(urlPathEqualTo("/translate")).atPriority(10).willReturn(json(200, toJson(List.of(
                Map.of("translations", List.of(Map.of("text", "Titular de Azure", "to", "es"))),
                Map.of("translations", List.of(Map.of("text", "Texto de Azure.", "to", "es"))))))));
        return config;
    }

    @Override
    public void stop() {
        try {
            apy.stop();
        } finally {
            super.stop();
        }
    }

    /** A made-up word no engine or memory has seen, without digits (digits become placeholders). */
    static String word() {
        StringBuilder out = new StringBuilder("Zor");
        for (int i = 0; i < 8; i++) {
            out.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return out.toString();
    }

    /** Ingests a two-segment story mentioning {@code word} with the given query (source, embargo). */
    static String ingest(String word, String query) {
        return Api.asAdmin().contentType("text/plain; charset=utf-8")
                .body("Storm " + word + " reaches the coast\n\nThe storm " + word + " closed the roads.")
                .post("/api/v1/articles?" + query).then().statusCode(201).extract().path("id");
    }

    /** Asks for a translation and waits for it. */
    static JsonPath translate(String articleId, String target) {
        request(articleId, target);
        return Api.awaitTranslation(articleId, target);
    }

    static void request(String articleId, String target) {
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"" + target + "\"]}")
                .post("/api/v1/articles/" + articleId + "/translations").then().statusCode(202);
    }

    /** Requests the cloud engines (Google, Azure) received whose body mentions {@code word}. */
    static long requestsMentioning(String word) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(word)).count();
    }

    /** Requests the self-hosted APy received that mention {@code word}. */
    static long selfHostedRequestsMentioning(String word) {
        return ApyStub.requestsMentioning(word);
    }
}
