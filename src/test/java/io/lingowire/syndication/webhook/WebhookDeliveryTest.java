package io.lingowire.syndication.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: an article ingested through the API reaches a local receiver as a signed Standard Webhooks message,
 * checked with the reference library; retries, 410, Retry-After, replay and isolation of slow receivers.
 */
@QuarkusTest
@QuarkusTestResource(value = WebhookReceiver.class, restrictToAnnotatedClass = true)
class WebhookDeliveryTest {

    @BeforeAll
    static void receiverAnswersOkByDefault() {
        WebhookReceiver.server.stubFor(post(urlPathMatching("/hooks/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void removeEndpoints() {
        Hooks.removeEndpoints();
    }

    private static String path() {
        return "/hooks/" + UUID.randomUUID();
    }

    @Test
    void publishedArticleReachesAnEntitledPartnerSignedAndThin() throws Exception {
        String path = path();
        String otherPath = path();
        String partner = Hooks.partner("en");
        String french = Hooks.partner("fr");
        JsonPath endpoint = Hooks.endpoint(partner, path);
        JsonPath frenchEndpoint = Hooks.endpoint(french, otherPath);
        String secret = endpoint.getString("secret");
        assertTrue(secret.startsWith("whsec_"));

        String article = Hooks.publish();
        LoggedRequest request = Hooks.awaitRequests(path, 1).get(0);

        assertTrue(request.getHeader("content-type").startsWith("application/json"));
        assertTrue(request.getHeader("webhook-id").startsWith("msg_"));
        long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "timestamp is the attempt time");
        assertTrue(request.getHeader("webhook-signature").startsWith("v1,"));
        Hooks.verify(secret, request);

        JsonPath body = new JsonPath(request.getBodyAsString());
        assertEquals("article.published", body.getString("type"));
        Instant.parse(body.getString("timestamp"));
        assertEquals(article, body.getString("data.id"));
        assertEquals("urn:lingowire:" + article + ":en", body.getString("data.uri"));
        assertEquals(1, body.getInt("data.version"));
        assertEquals("en", body.getString("data.language"));
        assertNull(body.get("data.translationOf"), "an original is no translation");
        assertEquals("http://localhost:8080/partner/v1/items/" + article + "?lang=en", body.getString("data.links.ninjs"));
        assertEquals("http://localhost:8080/partner/v1/items/" + article + "?lang=en&format=newsml-g2",
                body.getString("data.links.newsml-g2"));

        JsonPath delivery = Hooks.awaitDelivery(request.getHeader("webhook-id"),
                d -> d.getString("status").equals("delivered"));
        assertEquals(1, delivery.getInt("attempts"));
        assertEquals(request.getBodyAsString(), delivery.getString("payload"), "the log keeps the exact bytes sent");

        // every endpoint's deliveries of one event are written together: the French partner's would exist by now
        assertTrue(Hooks.deliveries(frenchEndpoint.getString("id")).isEmpty());
        assertEquals(0, WebhookReceiver.server.findAll(postRequestedFor(urlEqualTo(otherPath))).size());

        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks").then().statusCode(200)
                .body("webhooks.size()", is(1))
                .body("webhooks[0].url", is(WebhookReceiver.url(path)))
                .body("webhooks[0].enabled", is(true))
                .body("webhooks[0].containsKey('secret')", is(false));
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameMessageId() throws Exception {
        String path = path();
        String scenario = "retry-" + path;
        WebhookReceiver.server.stubFor(post(path).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        WebhookReceiver.server.stubFor(post(path).inScenario(scenario).whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("twice"));
        WebhookReceiver.server.stubFor(post(path).inScenario(scenario).whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(200)));
        JsonPath endpoint = Hooks.endpoint(Hooks.partner("en"), path);

        Hooks.publish();
        List<LoggedRequest> attempts = Hooks.awaitRequests(path, 3);
        String id = attempts.get(0).getHeader("webhook-id");
        for (LoggedRequest attempt : attempts) {
            assertEquals(id, attempt.getHeader("webhook-id"), "the id is the idempotency key: the same on retries");
            Hooks.verify(endpoint.getString("secret"), attempt);
        }
        JsonPath delivery = Hooks.awaitDelivery(id, d -> d.getString("status").equals("delivered"));
        assertEquals(3, delivery.getInt("attempts"));
        assertEquals(200, delivery.getInt("lastStatusCode"));
    }

    @Test
    void goneDisablesTheEndpoint() {
        String gonePath = path();
        String livePath = path();
        WebhookReceiver.server.stubFor(post(gonePath).willReturn(aResponse().withStatus(410)));
        String partner = Hooks.partner("en");
        JsonPath gone = Hooks.endpoint(partner, gonePath);
        Hooks.endpoint(partner, livePath);

        Hooks.publish();
        String id = Hooks.awaitRequests(gonePath, 1).get(0).getHeader("webhook-id");
        JsonPath delivery = Hooks.awaitDelivery(id, d -> d.getString("status").equals("dead"));
        assertEquals(1, delivery.getInt("attempts"), "410 is never retried");
        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks/" + gone.getString("id")).then()
                .statusCode(200).body("enabled", is(false)).body("disabledReason", containsString("410"));

        Hooks.publish();
        Hooks.awaitRequests(livePath, 2);
        assertEquals(1, WebhookReceiver.server.findAll(postRequestedFor(urlEqualTo(gonePath))).size(),
                "a disabled endpoint gets nothing more");
        Api.asAdmin().post("/api/v1/deliveries/" + id + "/redeliver").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("endpoint-disabled"));

        // the receiver is back: an admin enables the endpoint, replays what died and it gets new events again
        WebhookReceiver.server.stubFor(post(gonePath).willReturn(aResponse().withStatus(200)));
        Api.asAdmin().post("/api/v1/partners/" + partner + "/webhooks/" + gone.getString("id") + "/enable").then()
                .statusCode(200).body("enabled", is(true)).body("containsKey('disabledReason')", is(false));
        Api.asAdmin().post("/api/v1/deliveries/" + id + "/redeliver").then().statusCode(202);
        assertEquals(id, Hooks.awaitRequests(gonePath, 2).get(1).getHeader("webhook-id"), "the same message again");
        Hooks.awaitDelivery(id, d -> d.getString("status").equals("delivered"));
        Hooks.publish();
        Hooks.awaitRequests(gonePath, 3);
        Api.asAdmin().post("/api/v1/partners/" + partner + "/webhooks/no-such-endpoint/enable").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneUntilTheOverlapEnds() throws Exception {
        String path = path();
        String partner = Hooks.partner("en");
        JsonPath endpoint = Hooks.endpoint(partner, path);
        String endpointId = endpoint.getString("id");
        String before = endpoint.getString("secret");

        JsonPath rotated = Api.asAdmin().post("/api/v1/partners/" + partner + "/webhooks/" + endpointId + "/secret")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        String after = rotated.getString("secret");
        assertTrue(after.startsWith("whsec_"));
        assertFalse(after.equals(before), "a new secret");
        Instant until = Instant.parse(rotated.getString("previousSecretUntil"));
        assertTrue(until.isAfter(Instant.now().plusSeconds(23 * 3600)), "the default overlap is 24 h: " + until);
        JsonPath shown = Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks/" + endpointId).then()
                .statusCode(200).body("containsKey('secret')", is(false)).extract().jsonPath();
        assertEquals(until, Instant.parse(shown.getString("previousSecretUntil")), "the secret is shown once, its overlap always");

        // during the overlap every message carries both signatures: a receiver holding either secret accepts it
        LoggedRequest during = Hooks.awaitArticle(path, Hooks.publish());
        assertEquals(2, during.getHeader("webhook-signature").split(" ").length, during.getHeader("webhook-signature"));
        Hooks.verify(before, during);
        Hooks.verify(after, during);

        // after it, only the new secret signs
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            WebhookEndpoint e = WebhookEndpoint.findById(endpointId);
            e.previousSecretUntil = Instant.now().minusSeconds(1);
        });
        LoggedRequest later = Hooks.awaitArticle(path, Hooks.publish());
        assertEquals(1, later.getHeader("webhook-signature").split(" ").length);
        Hooks.verify(after, later);
        assertThrows(Exception.class, () -> Hooks.verify(before, later), "the previous secret no longer signs");
        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks/" + endpointId).then().statusCode(200)
                .body("containsKey('previousSecretUntil')", is(false));
    }

    @Test
    void retryAfterIsHonoured() {
        String path = path();
        String scenario = "throttle-" + path;
        WebhookReceiver.server.stubFor(post(path).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("calm"));
        WebhookReceiver.server.stubFor(post(path).inScenario(scenario).whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200)));
        Hooks.endpoint(Hooks.partner("en"), path);

        Hooks.publish();
        List<LoggedRequest> attempts = Hooks.awaitRequests(path, 2);
        long waited = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 3000, "the second attempt came " + waited + " ms after a Retry-After of 3 s");
        JsonPath delivery = Hooks.awaitDelivery(attempts.get(0).getHeader("webhook-id"),
                d -> d.getString("status").equals("delivered"));
        assertEquals(2, delivery.getInt("attempts"));
    }

    @Test
    void deadDeliveriesCanBeReplayedOneByOneOrInBulk() {
        String path = path();
        WebhookReceiver.server.stubFor(post(path).atPriority(5).willReturn(aResponse().withStatus(500)));
        String endpoint = Hooks.endpoint(Hooks.partner("en"), path).getString("id");

        Hooks.publish();
        Hooks.publish();
        List<String> ids = Hooks.await(() -> Hooks.deliveries(endpoint),
                ds -> ds.size() == 2 && ds.stream().allMatch(d -> d.get("status").equals("dead")),
                "two dead deliveries").stream().map(d -> (String) d.get("id")).toList();
        Api.asAdmin().queryParam("endpoint", endpoint).queryParam("status", "dead").get("/api/v1/deliveries")
                .then().statusCode(200).body("items.size()", is(2)).body("items[0].attempts", is(3));
        assertEquals(6, WebhookReceiver.server.findAll(postRequestedFor(urlEqualTo(path))).size());
        String next = Api.asAdmin().queryParam("endpoint", endpoint).queryParam("limit", 1).get("/api/v1/deliveries")
                .then().statusCode(200).body("items[0].id", is(ids.get(0))).extract().path("next");
        Api.asAdmin().queryParam("endpoint", endpoint).queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/v1/deliveries").then().statusCode(200)
                .body("items[0].id", is(ids.get(1))).body("next", is((Object) null));

        WebhookReceiver.server.stubFor(post(path).atPriority(1).willReturn(aResponse().withStatus(200)));
        Api.asAdmin().post("/api/v1/deliveries/" + ids.get(0) + "/redeliver").then().statusCode(202)
                .body("status", is("pending"));
        Hooks.awaitDelivery(ids.get(0), d -> d.getString("status").equals("delivered"));
        LoggedRequest replay = Hooks.awaitRequests(path, 7).get(6);
        assertEquals(ids.get(0), replay.getHeader("webhook-id"), "a replay keeps its webhook-id");

        Api.asAdmin().queryParam("endpoint", endpoint).queryParam("status", "dead")
                .post("/api/v1/deliveries/redeliver").then().statusCode(202)
                .body("redelivered", is(1)).body("ids[0]", is(ids.get(1)));
        JsonPath second = Hooks.awaitDelivery(ids.get(1), d -> d.getString("status").equals("delivered"));
        assertEquals(1, second.getInt("attempts"));
        assertEquals(ids.get(1), Hooks.awaitRequests(path, 8).get(7).getHeader("webhook-id"));
    }

    @Test
    void aSlowEndpointDoesNotHoldUpAnother() {
        String slowPath = path();
        String fastPath = path();
        WebhookReceiver.server.stubFor(post(slowPath).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        Hooks.endpoint(Hooks.partner("en"), slowPath);
        Hooks.endpoint(Hooks.partner("en"), fastPath);

        Hooks.publish();
        LoggedRequest fast = Hooks.awaitRequests(fastPath, 1).get(0);
        LoggedRequest slow = Hooks.awaitRequests(slowPath, 1).get(0);
        long gap = fast.getLoggedDate().getTime() - slow.getLoggedDate().getTime();
        assertTrue(gap < 2500, "the fast endpoint waited " + gap + " ms behind the slow one");
        assertFalse(Hooks.awaitDelivery(slow.getHeader("webhook-id"), d -> d.getString("status").equals("delivered"))
                .getString("deliveredAt").isEmpty());
    }
}
