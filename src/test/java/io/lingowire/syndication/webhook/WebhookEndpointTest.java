package io.lingowire.syndication.webhook;

import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** The endpoint API: the SSRF rule, the secret shown once, validation and problems. */
@QuarkusTest
@QuarkusTestResource(value = WebhookReceiver.class, restrictToAnnotatedClass = true)
class WebhookEndpointTest {

    @AfterEach
    void removeEndpoints() {
        Hooks.removeEndpoints();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook",
            "http://192.168.1.20:8080/", "http://172.16.5.4/", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[fd00::1]/", "http://224.0.0.1/", "http://[::ffff:10.0.0.1]/", "ftp://localhost/hook",
            "file:///etc/passwd", "not a url"})
    void internalAddressesAndOtherSchemesAreRefused(String url) {
        String partner = Hooks.partner("en");
        Api.asAdmin().contentType("application/json").body(Map.of("url", url))
                .post("/api/v1/partners/" + partner + "/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("webhook-url-refused")).body("status", is(400));
    }

    @Test
    void allowedHostsAreAcceptedAndTheSecretIsShownOnce() {
        String partner = Hooks.partner("en");
        String id = Hooks.endpoint(partner, "/hooks/created").getString("id");
        Api.asAdmin().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("article.killed")))
                .post("/api/v1/partners/" + partner + "/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/partners/" + partner + "/webhooks/"))
                .body("secret", startsWith("whsec_")).body("events", is(List.of("article.killed")));
        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks/" + id).then().statusCode(200)
                .body("id", is(id)).body("enabled", is(true)).body("containsKey('secret')", is(false));
        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks").then().statusCode(200)
                .body("webhooks.size()", is(2)).body("webhooks.findAll { it.secret != null }.size()", is(0));
        Api.asAdmin().delete("/api/v1/partners/" + partner + "/webhooks/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks/" + id).then().statusCode(404);

        Api.asAdmin().delete("/api/v1/partners/" + partner).then().statusCode(204);
        Api.asAdmin().get("/api/v1/partners/" + partner + "/webhooks").then().statusCode(404);
    }

    @Test
    void badRequestsGetProblems() {
        String partner = Hooks.partner("en");
        Api.asAdmin().contentType("application/json").body(Map.of("url", WebhookReceiver.url("/h"),
                        "events", List.of("article.exploded")))
                .post("/api/v1/partners/" + partner + "/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-event-type"));
        Api.asAdmin().contentType("application/json").body(Map.of("url", WebhookReceiver.url("/h")))
                .post("/api/v1/partners/no-such-partner/webhooks").then().statusCode(404);
        Api.asAdmin().get("/api/v1/deliveries?status=lost").then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().get("/api/v1/deliveries/msg_nothing").then().statusCode(404);
        Api.asAdmin().post("/api/v1/deliveries/redeliver?status=dead").then().statusCode(400);
        io.restassured.RestAssured.get("/api/v1/deliveries").then().statusCode(401);
    }
}
