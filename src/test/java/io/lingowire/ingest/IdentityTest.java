package io.lingowire.ingest;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class IdentityTest {

    private static String ninjs(String uri, String body) {
        return """
                {"uri": "%s", "type": "text", "language": "en", "pubStatus": "usable",
                 "headlines": [{"value": "Flood waters recede in Kabul province", "role": "main"}],
                 "bodies": [{"value": "<p>%s</p><p>Officials said roads would reopen on Monday.</p>",
                             "contentType": "text/html", "role": "main"}]}
                """.formatted(uri, body);
    }

    @Test
    void sameContentTwiceIsTheSameArticle() {
        String text = Api.unique("KABUL (Khaama Press) - Heavy rain closed the Salang pass on Tuesday, officials said.");
        String first = Api.asAdmin().contentType("text/plain").body(text).post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
        Api.asAdmin().contentType("text/plain").body(text).post("/api/v1/articles")
                .then().statusCode(200).body("id", equalTo(first)).body("version", equalTo(1))
                .body("ingest", equalTo("duplicate"));
    }

    @Test
    void sameGuidWithChangedContentIsANewRevisionAndRevisionsAreKept() {
        String uri = "urn:test:ninjs:" + UUID.randomUUID();
        JsonPath v1 = Api.asAdmin().contentType("application/json")
                .body(ninjs(uri, "Flood waters began to recede on Sunday.")).post("/api/v1/articles")
                .then().statusCode(201).body("version", equalTo(1)).extract().jsonPath();
        JsonPath v2 = Api.asAdmin().contentType("application/json")
                .body(ninjs(uri, "Flood waters began to recede on Sunday, leaving 12 villages cut off."))
                .post("/api/v1/articles")
                .then().statusCode(201).body("version", equalTo(2)).body("ingest", equalTo("revised"))
                .extract().jsonPath();
        assertEquals(v1.getString("id"), v2.getString("id"));
        assertNotEquals(v1.getString("contentHash"), v2.getString("contentHash"));
        String id = v1.getString("id");
        Api.asAdmin().get("/api/v1/articles/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("guid", equalTo(uri));
        Api.asAdmin().get("/api/v1/articles/" + id + "?version=1").then().statusCode(200)
                .body("blocks[0].text", equalTo("Flood waters began to recede on Sunday."));
        Api.asAdmin().get("/api/v1/articles/" + id + "/revisions").then().statusCode(200)
                .body("$", hasSize(2)).body("version", org.hamcrest.Matchers.contains(1, 2));
        // re-delivering version 1 does not roll the article back
        Api.asAdmin().contentType("application/json")
                .body(ninjs(uri, "Flood waters began to recede on Sunday.")).post("/api/v1/articles")
                .then().statusCode(200).body("version", equalTo(1)).body("ingest", equalTo("duplicate"));
        Api.asAdmin().get("/api/v1/articles/" + id).then().body("version", equalTo(2));
    }

    @Test
    void originalBytesAreKeptWithTheirDigest() throws Exception {
        byte[] bytes = Api.unique("WASHINGTON (AP) — The Senate passed the measure 61-39 late on Thursday.")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8").queryParam("filename", "senate.txt")
                .body(bytes).post("/api/v1/articles").then().statusCode(201)
                .body("original.size", equalTo(bytes.length))
                .body("original.sha256", equalTo(io.lingowire.common.Hashing.sha256Hex(bytes)))
                .extract().path("id");
        byte[] back = Api.asAdmin().get("/api/v1/articles/" + id + "/original").then().statusCode(200)
                .contentType("text/plain; charset=utf-8")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("senate.txt"))
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, back);
    }

    @Test
    void listIsNewestFirstWithCursorAndFilters() {
        String tag = "Cursorville" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Api.asAdmin().contentType("text/plain")
                    .body(tag + " council meeting " + i + "\n\nThe " + tag + " council met for session " + i
                            + " and approved the budget of the town for the coming year.")
                    .post("/api/v1/articles").then().statusCode(201);
        }
        JsonPath page1 = Api.asAdmin().queryParam("q", tag.toLowerCase()).queryParam("limit", 2)
                .get("/api/v1/articles").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        assertEquals(tag + " council meeting 2", page1.getString("items[0].title"));
        Api.asAdmin().queryParam("q", tag).queryParam("limit", 2).queryParam("cursor", page1.getString("next"))
                .get("/api/v1/articles").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].title", equalTo(tag + " council meeting 0")).body("next", equalTo(null));
        Api.asAdmin().queryParam("q", tag).queryParam("language", "en").queryParam("status", "usable")
                .get("/api/v1/articles").then().body("items", hasSize(3));
        Api.asAdmin().queryParam("q", tag).queryParam("language", "fr").get("/api/v1/articles")
                .then().body("items", hasSize(0));
        Api.asAdmin().queryParam("cursor", "not-a-cursor").get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().get("/api/v1/articles/does-not-exist").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
