package io.lingowire.translation;

import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain apertium-apy → apertium against a real APy server: APy translates while it is up; when it goes away,
 * the next translation falls back to the command-line engine.
 */
@QuarkusTest
@NeedsEngine(value = "eng-spa", apy = true) // APy, and the command line the second test falls back to
@QuarkusTestResource(value = ApyServer.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApyTranslationTest {

    /** Ingests a story and translates it; {@code lead} makes its text new, so the memory cannot answer for it. */
    static JsonPath translate(String target, String lead) throws InterruptedException {
        String text = "Herat airport extends its runway\n\n"
                + "date 2024-11-21 (MENAFN- Khaama Press) " + lead + " Work starts in March.\n\nReference "
                + UUID.randomUUID() + ".";
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8").body(text).post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"" + target + "\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202);
        return Api.awaitTranslation(id, target);
    }

    @Test
    @Order(1)
    void theServerTranslatesWhileItIsUp() throws Exception {
        JsonPath es = translate("es", "Herat airport will extend its runway by 800 metres, the ministry said.");
        assertEquals("translated", es.getString("status"), es.prettify());
        assertEquals("apertium-apy", es.getString("provider"));
        assertEquals("apertium-apy/eng-spa", es.getString("model"));
        String body = String.join(" ", es.getList("blocks.text", String.class));
        assertTrue(body.contains("800") && body.toLowerCase().contains("aeropuerto"), body);
        assertTrue(es.getString("title").toLowerCase().contains("herat"), es.getString("title"));
        // APy's own limit: a third request at once would make it cut texts into 1,000-character pieces
        Api.asAdmin().get("/api/v1/providers").then().statusCode(200)
                .body("find { it.name == 'apertium-apy' }.limits.maxConcurrent", org.hamcrest.Matchers.equalTo(2))
                .body("find { it.name == 'apertium' }.limits.maxConcurrent", org.hamcrest.Matchers.nullValue());
    }

    @Test
    @Order(2)
    void whenTheServerIsGoneTheChainFallsBackToTheCommandLine() throws Exception {
        ApyServer.stopServer();
        JsonPath es = translate("es", "The governor of Herat said the new terminal would open next summer.");
        assertEquals("translated", es.getString("status"), es.prettify());
        assertEquals("apertium", es.getString("provider"), "fell back to the next provider in the chain");
    }
}
