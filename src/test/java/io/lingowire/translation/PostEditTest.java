package io.lingowire.translation;

import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An editor's post-edit replaces the text and teaches the translation memory, which then beats the engine. */
@QuarkusTest
@NeedsEngine
class PostEditTest {

    static final String SENTENCE = "The governor promised 40 new classrooms before the winter.";
    static final String EDITED = "El gobernador se comprometió a abrir 40 aulas nuevas antes de que llegue el invierno.";
    static final String REVISED = "El gobernador prometió 40 aulas nuevas antes del invierno.";

    private static String translate(String title, String body) {
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8")
                .body(title + "\n\n" + body + "\n\nReference " + UUID.randomUUID() + ".")
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"es\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202);
        JsonPath es = Api.awaitTranslation(id, "es");
        assertEquals("translated", es.getString("status"), es.prettify());
        return id;
    }

    @Test
    void editedSentencesAreApprovedInTheMemoryAndWinOverTheEngine() {
        String first = translate("Schools in Herat", "Classes resume on Monday. " + SENTENCE);
        JsonPath machine = Api.asAdmin().get("/api/v1/articles/" + first + "/translations/es").then().extract().jsonPath();
        List<Map<String, Object>> blocks = machine.getList("blocks");
        assertTrue(!String.valueOf(blocks.get(0).get("text")).contains(EDITED), "the engine does not already say it");

        // the editor rewrites the second sentence of the first paragraph and keeps the rest
        String firstSentence = String.valueOf(blocks.get(0).get("text")).split("(?<=\\.) ")[0];
        StringBuilder body = new StringBuilder("{\"title\":\"Escuelas en Herat\",\"blocks\":[");
        for (int b = 0; b < blocks.size(); b++) {
            String text = b == 0 ? firstSentence + " " + EDITED : String.valueOf(blocks.get(b).get("text"));
            body.append(b == 0 ? "" : ",").append("{\"text\":\"").append(text.replace("\"", "\\\"")).append("\"}");
        }
        body.append("]}");
        Api.asAdmin().contentType("application/json").body(body.toString())
                .put("/api/v1/articles/" + first + "/translations/es").then().statusCode(200)
                .body("title", equalTo("Escuelas en Herat"))
                .body("status", equalTo("translated"))
                .body("blocks[0].text", equalTo(firstSentence + " " + EDITED));

        // another story with the same sentence gets the editor's words, from the memory
        String second = translate("Roads in Herat", SENTENCE + " Work starts in spring.");
        JsonPath es = Api.asAdmin().get("/api/v1/articles/" + second + "/translations/es").then().extract().jsonPath();
        assertTrue(es.getString("blocks[0].text").startsWith(EDITED), es.getString("blocks[0].text"));
        assertTrue(es.getInt("memoryHits") >= 1);

        // the editor changes their mind: the sentence's approved entry is replaced, and the next story gets the new words
        Api.asAdmin().contentType("application/json").body(body.toString().replace(EDITED, REVISED))
                .put("/api/v1/articles/" + first + "/translations/es").then().statusCode(200)
                .body("blocks[0].text", equalTo(firstSentence + " " + REVISED));
        String third = translate("Clinics in Herat", SENTENCE + " Doctors arrive in spring.");
        String thirdText = Api.asAdmin().get("/api/v1/articles/" + third + "/translations/es").then().extract()
                .path("blocks[0].text");
        assertTrue(thirdText.startsWith(REVISED), thirdText);

        // shape and staleness are checked
        Api.asAdmin().contentType("application/json").body("{\"blocks\":[{\"text\":\"solo uno\"}]}")
                .put("/api/v1/articles/" + first + "/translations/es").then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().contentType("application/json").body("{\"blocks\":[]}")
                .put("/api/v1/articles/" + first + "/translations/fr").then().statusCode(404);
    }
}
