package io.lingowire.translation.routing;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;
import static io.lingowire.translation.routing.RoutingStub.TRANSLATE_TEXT;
import static io.lingowire.translation.routing.RoutingStub.ingest;
import static io.lingowire.translation.routing.RoutingStub.requestsMentioning;
import static io.lingowire.translation.routing.RoutingStub.translate;
import static io.lingowire.translation.routing.RoutingStub.word;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default chain {@code google,azure,apertium-apy} (its self-hosted engine a stubbed APy) under trouble: Google
 * failing opens its circuit (two failures, 3 s) and is no longer called until a half-open trial; Azure's tiny
 * monthly budget is spent by one translation; Google allows one call at a time; Google's 429 with Retry-After keeps
 * it out for that long, and copy that only Google may translate waits for it instead of failing.
 */
@QuarkusTest
@TestProfile(RoutingFailoverTest.Limits.class)
@QuarkusTestResource(value = RoutingStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingFailoverTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lingowire.routing.circuit.failure-threshold", "2",
                    // the third translation and the metrics below must meet the circuit open: they end about 2 s
                    // after it opens here, so 3 s; the half-open state is then awaited, not slept for
                    "lingowire.routing.circuit.open-for", "3s",
                    "lingowire.routing.limits.azure.cost-per-million-chars", "1000",
                    "lingowire.routing.limits.azure.monthly-budget", "0.01",
                    "lingowire.routing.limits.google.max-concurrent", "1",
                    "lingowire.routing.limit-wait", "10s",
                    "lingowire.routing.rules[0].name", "google-desk",
                    "lingowire.routing.rules[0].sources", "GoogleDesk",
                    "lingowire.routing.rules[0].chain", "google");
        }
    }

    private static void googleFails(String word) {
        RoutingStub.server.stubFor(post(TRANSLATE_TEXT).withRequestBody(containing(word))
                .willReturn(json(503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
                        + "\"status\":\"UNAVAILABLE\"}}")));
    }

    @Test
    @Order(1)
    void failuresOpenTheCircuitSpentBudgetSkipsAzureAndAHalfOpenTrialClosesIt() {
        String first = word();
        googleFails(first);
        JsonPath a = translate(ingest(first, "language=en"), "es");
        assertEquals("azure", a.getString("provider"), a.prettify());
        assertEquals("default: google failed (TRANSIENT) > azure", a.getString("route"));
        Api.asAdmin().get("/api/v1/providers").then().statusCode(200)
                .body("find { it.name == 'azure' }.charactersThisMonth", equalTo(a.getInt("charactersSent")))
                .body("find { it.name == 'azure' }.requestsThisMonth", equalTo(1))
                .body("find { it.name == 'azure' }.costThisMonth", greaterThan(0.01f))
                .body("find { it.name == 'azure' }.monthlyBudget", equalTo(0.01f))
                .body("find { it.name == 'google' }.circuit", equalTo("closed"));

        String second = word();
        googleFails(second);
        JsonPath b = translate(ingest(second, "language=en"), "es");
        assertEquals("apertium-apy", b.getString("provider"), b.prettify());
        assertEquals("default: google failed (TRANSIENT) > apertium-apy (skipped azure: monthly budget spent)",
                b.getString("route"));
        Api.asAdmin().get("/api/v1/providers").then().statusCode(200)
                .body("find { it.name == 'google' }.circuit", equalTo("open"))
                .body("find { it.name == 'google' }.circuitOpenUntil", notNullValue());
        // the same for monitoring: the circuit as a gauge (2 = open), the failed calls counted by kind
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("lingowire_provider_circuit{provider=\"google\"} 2.0"), metrics);
        assertTrue(metrics.matches("(?s).*lingowire_provider_calls_total\\{outcome=\"transient\",provider=\"google\"} "
                + "[2-9]\\.0.*"), "google's failures are counted");

        String third = word();
        JsonPath c = translate(ingest(third, "language=en"), "es");
        assertEquals("apertium-apy", c.getString("provider"), c.prettify());
        assertTrue(c.getString("route").contains("google: circuit open until"), c.getString("route"));
        assertEquals(0, requestsMentioning(third), "an open circuit is not called");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> "half-open".equals(
                Api.asAdmin().get("/api/v1/providers").then().statusCode(200).extract()
                        .path("find { it.name == 'google' }.circuit")));
        JsonPath d = translate(ingest(word(), "language=en"), "es");
        assertEquals("google", d.getString("provider"), "the half-open trial succeeded: " + d.prettify());
        Api.asAdmin().get("/api/v1/providers").then()
                .body("find { it.name == 'google' }.circuit", equalTo("closed"))
                .body("find { it.name == 'google' }.circuitOpenUntil", nullValue());
    }

    @Test
    @Order(2)
    void oneCallAtATimeReachesGoogle() {
        String shared = word();
        RoutingStub.server.stubFor(post(TRANSLATE_TEXT).withRequestBody(containing(shared))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(1_500).withBody(toJson(Map.of("translations", List.of(
                                Map.of("translatedText", "Titular lento"), Map.of("translatedText", "Texto lento.")))))));
        String one = ingest(shared + " " + word(), "language=en");
        String two = ingest(shared + " " + word(), "language=en");
        RoutingStub.request(one, "es");
        RoutingStub.request(two, "es");
        assertEquals("google", Api.awaitTranslation(one, "es").getString("provider"));
        assertEquals("google", Api.awaitTranslation(two, "es").getString("provider"));
        List<Long> received = RoutingStub.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(shared))
                .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertEquals(2, received.size());
        assertTrue(received.get(1) - received.get(0) >= 1_400,
                "the second call started only when the first (1.5 s) was over: " + received);
    }

    @Test
    @Order(4)
    void retryAfterKeepsGoogleOutForThatLong() {
        String first = word();
        RoutingStub.server.stubFor(post(TRANSLATE_TEXT).withRequestBody(containing(first))
                .willReturn(json(429, "{\"error\":{\"code\":429,\"message\":\"Too many requests\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}").withHeader("Retry-After", "120")));
        JsonPath a = translate(ingest(first, "language=en"), "es");
        assertEquals("apertium-apy", a.getString("provider"), a.prettify());
        assertTrue(a.getString("route").startsWith("default: google failed (RATE_LIMITED) > apertium-apy"),
                a.getString("route"));
        String second = word();
        JsonPath b = translate(ingest(second, "language=en"), "es");
        assertEquals("apertium-apy", b.getString("provider"));
        assertTrue(b.getString("route").contains("google: resting until"), b.getString("route"));
        assertEquals(0, requestsMentioning(second));
        Api.asAdmin().get("/api/v1/providers").then()
                .body("find { it.name == 'google' }.restingUntil", notNullValue())
                .body("find { it.name == 'google' }.requestsThisMonth", greaterThan(0));
    }

    @Test
    @Order(3)
    void copyOnlyGoogleMayTranslateWaitsWhileGoogleRestsInsteadOfFailing() {
        String first = word();
        var slowDown = RoutingStub.server.stubFor(post(TRANSLATE_TEXT).withRequestBody(containing(first))
                .willReturn(json(429, "{\"error\":{\"code\":429,\"message\":\"Too many requests\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}").withHeader("Retry-After", "6")));
        String a = ingest(first, "language=en&source=GoogleDesk");
        RoutingStub.request(a, "es");
        Api.awaitTranslation(a, "es", t -> requestsMentioning(first) > 0);
        RoutingStub.server.removeStub(slowDown);

        String second = word();
        String b = ingest(second, "language=en&source=GoogleDesk");
        RoutingStub.request(b, "es");
        JsonPath waiting = Api.awaitTranslation(b, "es", t -> t.getString("route") != null);
        assertEquals("queued", waiting.getString("status"), waiting.prettify());
        assertTrue(waiting.getString("route").startsWith("google-desk: ")
                && waiting.getString("route").contains("google: resting until"), waiting.getString("route"));
        assertEquals(0, requestsMentioning(second), "a resting provider is not called");

        JsonPath done = Api.awaitTranslation(b, "es");
        assertEquals("translated", done.getString("status"), done.prettify());
        assertEquals("google", done.getString("provider"));
        assertEquals("google", Api.awaitTranslation(a, "es").getString("provider"), "the first one's retry too");
    }
}
