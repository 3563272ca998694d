package io.lingowire.translation.routing;

import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.lingowire.translation.routing.RoutingStub.ingest;
import static io.lingowire.translation.routing.RoutingStub.requestsMentioning;
import static io.lingowire.translation.routing.RoutingStub.selfHostedRequestsMentioning;
import static io.lingowire.translation.routing.RoutingStub.translate;
import static io.lingowire.translation.routing.RoutingStub.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules from configuration choose the chain: by target language, by source, by partner entitlement, and embargoed
 * copy only to the self-hosted Apertium (an APy server, stubbed) although Google leads the default chain
 * {@code google,azure,apertium-apy}. The chosen route is visible on the translation.
 */
@QuarkusTest
@TestProfile(RoutingTest.Rules.class)
@QuarkusTestResource(value = RoutingStub.class, restrictToAnnotatedClass = true)
class RoutingTest {

    public static class Rules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("lingowire.routing.rules[0].name", "embargoed"),
                    Map.entry("lingowire.routing.rules[0].embargoed", "true"),
                    Map.entry("lingowire.routing.rules[0].self-hosted-only", "true"),
                    Map.entry("lingowire.routing.rules[1].name", "cloud-desk"),
                    Map.entry("lingowire.routing.rules[1].sources", "CloudDesk"),
                    Map.entry("lingowire.routing.rules[1].chain", "google,azure"),
                    Map.entry("lingowire.routing.rules[2].name", "catalan"),
                    Map.entry("lingowire.routing.rules[2].target-languages", "ca"),
                    Map.entry("lingowire.routing.rules[2].chain", "apertium-apy"),
                    Map.entry("lingowire.routing.rules[3].name", "agency"),
                    Map.entry("lingowire.routing.rules[3].sources", "routingwire"),
                    Map.entry("lingowire.routing.rules[3].chain", "azure"),
                    Map.entry("lingowire.routing.rules[4].name", "partner"),
                    Map.entry("lingowire.routing.rules[4].partners", "Routing Daily"),
                    Map.entry("lingowire.routing.rules[4].chain", "azure,apertium-apy"));
        }
    }

    @Test
    void noMatchingRuleKeepsTheConfiguredChain() {
        JsonPath es = translate(ingest(word(), "language=en&source=OtherDesk"), "es");
        assertEquals("google", es.getString("provider"), es.prettify());
        assertEquals("default: google", es.getString("route"));
    }

    @Test
    void embargoedCopyGoesOnlyToSelfHostedEngines() {
        String word = word();
        JsonPath es = translate(ingest(word, "language=en&source=OtherDesk&embargoUntil="
                + Instant.now().plusSeconds(3600)), "es");
        assertEquals("apertium-apy", es.getString("provider"), es.prettify());
        assertTrue(es.getString("route").startsWith("embargoed: apertium-apy (skipped google: not self-hosted; "
                + "azure: not self-hosted)"), es.getString("route"));
        assertEquals("Tormenta " + word + " llega a la costa", es.getString("title"), "translated by APy");
        assertEquals(List.of("La tormenta " + word + " cerró las carreteras."), es.getList("blocks.text"));
        assertEquals(0, requestsMentioning(word), "no embargoed text left the site");
        assertTrue(selfHostedRequestsMentioning(word) > 0, "the self-hosted engine had it");
    }

    @Test
    void targetLanguageRule() {
        String word = word();
        JsonPath ca = translate(ingest(word, "language=en&source=OtherDesk"), "ca");
        assertEquals("apertium-apy", ca.getString("provider"), ca.prettify());
        assertEquals("catalan: apertium-apy", ca.getString("route"));
        assertEquals("apertium-apy/eng-cat", ca.getString("model"));
        assertEquals("Tempesta " + word + " arriba a la costa", ca.getString("title"));
        assertEquals(0, requestsMentioning(word), "the cloud engines have no Catalan and were not asked");
    }

    @Test
    void sourceRuleMatchesTheIngestSource() {
        JsonPath es = translate(ingest(word(), "language=en&source=RoutingWire"), "es");
        assertEquals("azure", es.getString("provider"), es.prettify());
        assertEquals("agency: azure", es.getString("route"));
    }

    /** Creates a partner taking {@code languages} (a JSON array) from one source, in ninjs; returns its id. */
    private static String partner(String name, String languages, String source) {
        return Api.asAdmin().contentType("application/json").body("{\"name\":\"" + name + "\",\"languages\":"
                        + languages + ",\"sources\":[\"" + source + "\"],\"formats\":[\"ninjs\"]}")
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
    }

    @Test
    void partnerRuleMatchesWhatAnEntitledPartnerTakes() {
        String partner = partner("Routing Daily", "[\"es\"]", "PartnerDesk");
        try {
            JsonPath entitled = translate(ingest(word(), "language=en&source=PartnerDesk"), "es");
            assertEquals("partner: azure", entitled.getString("route"), entitled.prettify());
            JsonPath otherSource = translate(ingest(word(), "language=en&source=OtherDesk"), "es");
            assertEquals("default: google", otherSource.getString("route"), "the partner does not take this source");
        } finally {
            Api.asAdmin().delete("/api/v1/partners/" + partner).then().statusCode(204);
        }
    }

    @Test
    void aPartnersLanguagesAreQueuedOnlyWhereTheirRouteHasAnEngine() {
        String partner = partner("Cloud Daily", "[\"es\",\"ca\"]", "CloudDesk");
        try {
            // APy translates en>ca (targetLanguageRule), but CloudDesk copy goes to Google and Azure only, and
            // neither has Catalan
            String id = ingest(word(), "language=en&source=CloudDesk");
            JsonPath es = Api.awaitTranslation(id, "es");
            assertEquals("cloud-desk: google", es.getString("route"), es.prettify());
            Api.asAdmin().get("/api/v1/articles/" + id + "/translations").then().statusCode(200)
                    .body("translations.language", org.hamcrest.Matchers.contains("es"));
        } finally {
            Api.asAdmin().delete("/api/v1/partners/" + partner).then().statusCode(204);
        }
    }
}
