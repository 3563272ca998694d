package io.lingowire.translation;

import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@NeedsEngine
class GlossaryTest {

    @Test
    void forcedAndDoNotTranslateTermsSurviveTheRealEngine() throws Exception {
        Api.asAdmin().contentType("application/json").body("{\"term\":\"Salang\"}")
                .post("/api/v1/glossaries/en/es/terms").then().statusCode(201).body("doNotTranslate", equalTo(true));
        String hamas = Api.asAdmin().contentType("application/json").body("{\"term\":\"Hamas\",\"translation\":\"Hamás\"}")
                .post("/api/v1/glossaries/en/es/terms").then().statusCode(201)
                .body("translation", equalTo("Hamás")).extract().path("id");
        Api.asAdmin().get("/api/v1/glossaries/en/es").then().statusCode(200)
                .body("version", equalTo(2)).body("terms", hasSize(2));

        String id = Api.asAdmin().contentType("text/plain; charset=utf-8")
                .body("Leaders meet near the pass\n\nHamas leaders met near the Salang pass on Monday, officials said.")
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"es\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202);
        JsonPath es = Api.awaitTranslation(id, "es");
        String text = es.getString("blocks[0].text");
        assertTrue(text.contains("Hamás") && text.contains("Salang"), text);

        Api.asAdmin().contentType("application/json").body("{\"term\":\"Hamas\"}")
                .post("/api/v1/glossaries/en/es/terms").then().statusCode(409).contentType("application/problem+json");
        Api.asAdmin().delete("/api/v1/glossaries/en/es/terms/" + hamas).then().statusCode(204);
        Api.asAdmin().get("/api/v1/glossaries/en/es").then().body("version", equalTo(3)).body("terms", hasSize(1));
        Api.asAdmin().get("/api/v1/glossaries/en/en").then().statusCode(400).contentType("application/problem+json");
        // engines take glossaries as TSV, CSV or XML attributes: a tab or line break in a term cannot go there
        Api.asAdmin().contentType("application/json").body("{\"term\":\"Hamas\\tleaders\"}")
                .post("/api/v1/glossaries/en/es/terms").then().statusCode(400).contentType("application/problem+json");
        Api.asAdmin().contentType("application/json")
                .body("{\"term\":\"Hamas\",\"translation\":\"" + "x".repeat(201) + "\"}")
                .post("/api/v1/glossaries/en/es/terms").then().statusCode(400).contentType("application/problem+json");
        Api.asAdmin().get("/api/v1/glossaries/en/es").then().body("version", equalTo(3));
    }
}
