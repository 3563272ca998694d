package io.lingowire.syndication.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.lingowire.support.Api;
import io.lingowire.support.Waiting;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Test helpers for webhooks: partners, endpoints, a published article, and waiting for the receiver. */
public final class Hooks {

    private static final List<String[]> CREATED = new ArrayList<>();

    private Hooks() {
    }

    /** A new partner entitled to the given languages; returns its id. */
    public static String partner(String... languages) {
        return Api.asAdmin().contentType("application/json")
                .body(Map.of("name", "Hook partner " + java.util.UUID.randomUUID(), "languages", List.of(languages)))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
    }

    /** A new endpoint of the partner at the receiver's path; returns the create answer (id, secret). */
    public static JsonPath endpoint(String partnerId, String path) {
        JsonPath created = Api.asAdmin().contentType("application/json")
                .body(Map.of("url", WebhookReceiver.url(path)))
                .post("/api/v1/partners/" + partnerId + "/webhooks").then().statusCode(201).extract().jsonPath();
        CREATED.add(new String[] {partnerId, created.getString("id")});
        return created;
    }

    /** A partner with its API key and one webhook endpoint at a path of its own on the receiver. */
    public record Subscriber(String id, String key, String hookPath, String secret) {
    }

    /** A new partner entitled to the given languages, subscribed to every event type at the receiver. */
    public static Subscriber subscriber(String name, String... languages) {
        JsonPath partner = Api.asAdmin().contentType("application/json")
                .body(Map.of("name", name + " " + java.util.UUID.randomUUID(), "languages", List.of(languages)))
                .post("/api/v1/partners").then().statusCode(201).extract().jsonPath();
        String path = "/hooks/" + java.util.UUID.randomUUID();
        String secret = endpoint(partner.getString("id"), path).getString("secret");
        return new Subscriber(partner.getString("id"), partner.getString("apiKey"), path, secret);
    }

    /** Deletes every endpoint made by {@link #endpoint}, so that one test's receivers do not see the next test's articles. */
    public static void removeEndpoints() {
        for (String[] e : CREATED) {
            Api.asAdmin().delete("/api/v1/partners/" + e[0] + "/webhooks/" + e[1]);
        }
        CREATED.clear();
    }

    /** Ingests a new English article through the API; returns its id. */
    public static String publish() {
        return Api.asAdmin().contentType("text/plain; charset=utf-8")
                .body(Api.unique(Api.fixtureText("languages/en.txt")))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
    }

    /** Waits (at most 20 s) until the receiver has at least {@code n} POSTs at the path. */
    public static List<LoggedRequest> awaitRequests(String path, int n) {
        return await(() -> WebhookReceiver.server.findAll(postRequestedFor(urlEqualTo(path))), r -> r.size() >= n,
                n + " webhook requests at " + path);
    }

    /** The first message at the path about the article (waiting for each further one at most 20 s). */
    public static LoggedRequest awaitArticle(String path, String article) {
        for (int n = 1; ; n++) {
            for (LoggedRequest r : awaitRequests(path, n)) {
                if (article.equals(new JsonPath(r.getBodyAsString()).getString("data.id"))) {
                    return r;
                }
            }
        }
    }

    /** Waits (at most 20 s) until the delivery satisfies the condition. */
    static JsonPath awaitDelivery(String id, Predicate<JsonPath> done) {
        return await(() -> Api.asAdmin().get("/api/v1/deliveries/" + id).then().statusCode(200).extract().jsonPath(),
                done, "delivery " + id);
    }

    /** The deliveries of one endpoint, newest first. */
    static List<Map<String, Object>> deliveries(String endpointId) {
        return Api.asAdmin().queryParam("endpoint", endpointId).get("/api/v1/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Checks the request's signature with the Standard Webhooks reference library (throws when it fails). */
    public static void verify(String secret, LoggedRequest request) throws Exception {
        new Webhook(secret).verify(request.getBodyAsString(), Map.of(
                "webhook-id", List.of(request.getHeader("webhook-id")),
                "webhook-timestamp", List.of(request.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(request.getHeader("webhook-signature"))));
    }

    /** Polls {@code probe} every 100 ms until {@code done} holds of what it returns (at most 20 s); returns that. */
    public static <T> T await(Supplier<T> probe, Predicate<T> done, String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(probe::get, Waiting.satisfies(done, what));
    }
}
