package io.lingowire.ops;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.lingowire.support.Waiting;
import io.lingowire.syndication.webhook.Hooks;
import io.lingowire.syndication.webhook.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar, started as an operator starts it (prod profile, the database from {@code QUARKUS_DATASOURCE_*},
 * H2 when unset): a story goes in, the real Apertium engine translates it, a partner pulls the Spanish version with
 * its key and receives the signed webhook.
 */
@QuarkusIntegrationTest
@NeedsEngine
@QuarkusTestResource(value = PackagedGateway.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebhookReceiver.class, restrictToAnnotatedClass = true)
class GatewayIT {

    @BeforeAll
    static void ready() {
        WebhookReceiver.server.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void storyIsIngestedTranslatedPulledAndPushed() throws Exception {
        Api.awaitReady();
        Hooks.Subscriber partner = Hooks.subscriber("Diario", "es");
        String key = partner.key();
        String hookPath = partner.hookPath();
        String secret = partner.secret();

        // sentences of its own (no other test's translation memory serves them), one new on every run
        String[] things = {"lamps", "benches", "gardens", "fountains", "libraries", "markets", "schools", "clinics"};
        String[] places = {"square", "harbour", "station", "bridge", "castle", "museum", "stadium", "airport"};
        java.util.Random random = new java.util.Random();
        String story = "Kabul opens new bus routes\n\n"
                + "date 2026-11-20 (MENAFN- Khaama Press) The city of Kabul opened 12 new bus routes to the old "
                + "quarter on Monday. The mayor said the service would cost $1.5 million a year.\n\n"
                + "Passengers said the buses were clean and that the new " + things[random.nextInt(things.length)]
                + " near the " + places[random.nextInt(places.length)] + " were also welcome, "
                + random.nextInt(1000) + " of them.\n\nReference " + UUID.randomUUID() + ".";
        JsonPath article = Api.asAdmin().contentType("text/plain; charset=utf-8").body(story)
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath();
        String id = article.getString("id");
        assertEquals("Khaama Press", article.getString("source.chain.find { it.role == 'originator' }.name"),
                article.prettify());

        JsonPath es = Api.awaitTranslation(id, "es");
        assertEquals("translated", es.getString("status"), es.prettify());
        assertEquals("apertium", es.getString("provider"));
        String body = String.join("\n", es.getList("blocks.text", String.class));
        assertTrue(body.contains("autobús") || body.contains("autobuses"), body);
        assertTrue(body.contains("$1.5"), body);

        RestAssured.given().header("Authorization", "Bearer " + key).get("/partner/v1/items/" + id + "?lang=es")
                .then().statusCode(200).body("language", org.hamcrest.Matchers.equalTo("es"))
                .body("bodies[0].value", containsString("12"));

        LoggedRequest pushed = Hooks.await(() -> WebhookReceiver.server.findAll(postRequestedFor(urlEqualTo(hookPath))),
                all -> all.stream().anyMatch(r -> isSpanish(r, id)), "the Spanish translation's webhook")
                .stream().filter(r -> isSpanish(r, id)).findFirst().orElseThrow();
        Hooks.verify(secret, pushed);

        // what k8s/monitoring's alerts and dashboard read is what this jar exports, once it has done its work
        Api.asAdmin().contentType("text/plain").body("").post("/api/v1/articles").then().statusCode(400);
        RestAssured.given().header("Authorization", "Bearer " + key).get("/partner/v1/feed?lang=es").then()
                .statusCode(200);
        await("every metric named in k8s/monitoring exported").atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> missingMetrics(RestAssured.get("/q/metrics").asString()),
                        Waiting.satisfies(List::isEmpty, "none named in k8s/monitoring but not exported"));
    }

    /** Metric names in the alert rules and the dashboard that the exposition does not have a sample of. */
    static List<String> missingMetrics(String exposition) {
        Set<String> named = new TreeSet<>();
        for (Path file : List.of(Path.of("k8s/monitoring/lingowire.rules.yml"),
                Path.of("k8s/monitoring/grafana-dashboard.json"))) {
            Matcher m = Pattern.compile("(?<![:a-z0-9_])((?:lingowire|jvm|http_server)_[a-z0-9_]+)").matcher(read(file));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        Set<String> exported = exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        // a name may stand for its family, as prose and histogram functions write it
        return named.stream().filter(n -> Stream.of("", "_count", "_bucket", "_total")
                .noneMatch(suffix -> exported.contains(n + suffix))).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isSpanish(LoggedRequest request, String id) {
        JsonPath message = new JsonPath(request.getBodyAsString());
        return "translation.published".equals(message.getString("type")) && id.equals(message.getString("data.id"))
                && "es".equals(message.getString("data.language"));
    }
}
