package io.lingowire.translation;

import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Translation through the real Apertium engine (Debian apertium + apertium-eng-spa; .ci/run installs them). */
@QuarkusTest
@NeedsEngine({"eng-spa", "eng-cat"})
class ApertiumTranslationTest {

    @Inject
    TranslationRun service;

    private static String ingestStory() {
        String text = "Kabul opens new bus routes\n\n"
                + "date 2024-11-20 (MENAFN- Khaama Press) The city of Kabul opened 12 new bus routes on Monday. "
                + "The mayor said the service would cost $1.5 million a year.\n\n"
                + "Passengers welcomed the new buses. Details are at https://example.org/buses today.\n\n"
                + "Reference " + UUID.randomUUID() + ".";
        return Api.asAdmin().contentType("text/plain; charset=utf-8").body(text).post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
    }


    @Test
    void articleIsTranslatedByTheRealEngineWithProtectedSpansIntact() throws Exception {
        String id = ingestStory();
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"es\",\"ca\"],\"priority\":\"high\"}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202)
                .body("translations.language", hasItem("es"))
                .body("translations.status", hasItem("queued"));
        JsonPath es = Api.awaitTranslation(id, "es");
        assertEquals("translated", es.getString("status"), es.prettify());
        assertEquals("apertium", es.getString("provider"));
        assertEquals("apertium/eng-spa", es.getString("model"));
        assertEquals(1, es.getInt("sourceVersion"));
        String body = String.join("\n", es.getList("blocks.text", String.class));
        assertTrue(body.contains("autobús") || body.contains("autobuses"), body);
        assertTrue(body.contains("12") && body.contains("$1.5") && body.contains("https://example.org/buses"), body);
        assertTrue(es.getString("title").toLowerCase().contains("kabul"), es.getString("title"));
        JsonPath ca = Api.awaitTranslation(id, "ca");
        assertEquals("apertium/eng-cat", ca.getString("model"));
        Api.asAdmin().get("/api/v1/articles/" + id).then()
                .body("translations.find { it.language == 'es' }.status", equalTo("translated"));
    }

    @Test
    void aSecondRunIsServedByTheTranslationMemoryWithoutEngineCalls() throws Exception {
        String id = ingestStory();
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"es\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202);
        Api.awaitTranslation(id, "es");
        TranslationRun.Outcome again = service.translate(id, "es");
        assertEquals(again.segments(), again.memoryHits(), "every segment from memory");
        assertEquals(0, again.providerSegments(), "no segment sent to the engine");
    }

    @Test
    void badRequestsAreProblems() {
        String id = ingestStory();
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"en\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().contentType("application/json").body("{\"targets\":[]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(400);
        Api.asAdmin().get("/api/v1/articles/" + id + "/translations/fr").then().statusCode(404);
    }

    @Test
    void aLanguageNoEngineServesIsA422NamingTheLanguagesThatCanBeServedAndQueuesNothing() {
        String id = ingestStory();
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"es\",\"xx-Nope\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lingowire.io/problems/unsupported-target"))
                .body("unsupported", equalTo(java.util.List.of("xx-Nope")))
                .body("languages", hasItem("es"))
                .body("languages", hasItem("ca"))
                .body("detail", org.hamcrest.Matchers.containsString("xx-Nope"));
        Api.asAdmin().get("/api/v1/articles/" + id + "/translations").then().statusCode(200)
                .body("translations", org.hamcrest.Matchers.empty());
    }
}
