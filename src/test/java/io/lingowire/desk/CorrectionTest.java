package io.lingowire.desk;

import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/articles/{id}/correct}: a guid-less story corrected as JSON blocks and as a file becomes the
 * same article's next revisions; its translation turns stale and is re-done with only the changed sentence sent to
 * the engine (the local Apertium).
 */
@QuarkusTest
@NeedsEngine
class CorrectionTest {

    private static final String FIRST = "The council approved the new budget on Tuesday.";
    private static final String SECOND = "Schools will receive more money next year.";

    @Test
    void aCorrectionIsTheNextRevisionOfTheSameArticleAndItsTranslationIsRedone() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String text = "Council passes budget " + tag + "\n\n"
                + "date 2025-03-14 (MENAFN- Herat Times) " + FIRST + " " + SECOND + "\n\nReference " + tag + ".";
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8").body(text)
                .queryParam("targets", "es").post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
        JsonPath es = Api.awaitTranslation(id, "es");
        assertEquals("translated", es.getString("status"), es.prettify());

        // JSON blocks: the second sentence changes; dateline and attribution are not repeated, so they stay
        String blocks = "{\"title\":\"Council passes budget " + tag + "\",\"blocks\":["
                + "{\"type\":\"paragraph\",\"text\":\"" + FIRST + " Hospitals will receive more money next year.\"},"
                + "{\"type\":\"paragraph\",\"text\":\"Reference " + tag + ".\"}]}";
        Api.asAdmin().contentType("application/json").body(blocks).post("/api/v1/articles/" + id + "/correct")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(2))
                .body("ingest", equalTo("revised"))
                .body("blocks[0].text", containsString("Hospitals"))
                .body("source.name", equalTo("MENAFN"))
                .body("source.chain.name", hasItem("Herat Times"))
                .body("dateline.date", equalTo("2025-03-14"));
        JsonPath redone = Api.awaitTranslation(id, "es", t -> t.getInt("sourceVersion") == 2
                && t.getString("status").equals("translated"));
        assertEquals(2, redone.getInt("publishedVersion"), redone.prettify());
        assertTrue(redone.getInt("memoryHits") >= 2, "unchanged sentences come from memory: " + redone.prettify());
        assertTrue(redone.getInt("memoryHits") < redone.getInt("segments"), "the changed one went to the engine");
        Api.asAdmin().get("/api/v1/articles/" + id + "/translations/es").then()
                .body("blocks[0].text", containsString("hospital"));

        // a file without a guid: still this article, version 3; the same again is a duplicate, not version 4
        String corrected = "Council passes budget " + tag + "\n\n" + FIRST + " Roads will receive more money.\n\n"
                + "Reference " + tag + ".";
        Api.asAdmin().contentType("text/plain; charset=utf-8").body(corrected)
                .post("/api/v1/articles/" + id + "/correct").then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(3)).body("ingest", equalTo("revised"));
        Api.asAdmin().contentType("text/plain; charset=utf-8").body(corrected)
                .post("/api/v1/articles/" + id + "/correct").then().statusCode(200)
                .body("version", equalTo(3)).body("ingest", equalTo("duplicate"));
        Api.asAdmin().get("/api/v1/articles/" + id + "/revisions").then().body("size()", equalTo(3));
    }

    @Test
    void aCorrectionThatIsNotOneArticleIsRefused() {
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8")
                .body("Market report " + UUID.randomUUID() + "\n\nPrices rose slightly in early trading today.")
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>w</title><link>https://x.test/</link>"
                + "<description>d</description><item><title>One</title><description>First story text here."
                + "</description></item><item><title>Two</title><description>Second story text here.</description>"
                + "</item></channel></rss>";
        Api.asAdmin().contentType("application/rss+xml").body(feed).post("/api/v1/articles/" + id + "/correct")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/not-one-article"));
        Api.asAdmin().contentType("application/json").body("{\"blocks\":[{\"type\":\"paragraph\",\"text\":7}]}")
                .post("/api/v1/articles/" + id + "/correct").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("blocks[0].text"));
        Api.asAdmin().contentType("text/plain").body("Title\n\nSome text that corrects nothing at all.")
                .post("/api/v1/articles/nope-" + UUID.randomUUID() + "/correct").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asAdmin().get("/api/v1/articles/" + id).then().body("version", equalTo(1));
    }
}
