package io.lingowire.ingest;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

/** Hostile and broken input: each gets a 4xx problem that names what is wrong, and the service stays healthy. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse post(String contentType, byte[] body) {
        return Api.asAdmin().contentType(contentType).body(body).post("/api/v1/articles").then()
                .contentType("application/problem+json");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).body("status", equalTo(status))
                .body("type", endsWith("/" + type))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void emptyBody() {
        problem(post("text/plain", new byte[0]), 400, "empty-document");
        problem(post("text/plain", "  \n\n \t".getBytes(StandardCharsets.UTF_8)), 422, "empty-document");
    }

    @Test
    void oversizeUploadIs413() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        problem(post("text/plain", big), 413, "payload-too-large").body("detail", containsString("limit"));
    }

    @Test
    void unknownTypeIs415() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};
        problem(post("image/png", png), 415, "unsupported-media-type").body("detail", containsString("image/png"));
        problem(post("application/octet-stream", png), 415, "unsupported-media-type");
    }

    @Test
    void lyingContentTypeIs415() {
        byte[] text = "Just some plain text claiming to be something else.".getBytes(StandardCharsets.UTF_8);
        problem(post("application/pdf", text), 415, "unsupported-media-type")
                .body("detail", containsString("application/pdf"));
        problem(post("image/jpeg", text), 415, "unsupported-media-type");
        problem(post("application/vnd.openxmlformats-officedocument.wordprocessingml.document", text), 415,
                "unsupported-media-type");
    }

    @Test
    void truncatedAndCorruptDocumentsAre422() {
        problem(post("application/pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n".getBytes()), 422,
                "truncated-document");
        byte[] brokenZip = Arrays.copyOf("PK\u0003\u0004\u0014\u0000\u0006\u0000garbage-that-is-not-a-zip".getBytes(), 64);
        problem(post("application/vnd.openxmlformats-officedocument.wordprocessingml.document", brokenZip), 422,
                "corrupt-document");
        problem(post("application/xml", "<nitf><head><title>Unclosed</head></nitf>".getBytes()), 422, "malformed-xml")
                .body("detail", containsString("line"));
        problem(post("application/json", "{\"uri\": \"urn:x\", \"headline\": ".getBytes()), 422, "malformed-json");
        problem(post("application/json", "{\"hello\": \"world\"}".getBytes()), 422, "not-ninjs");
        problem(post("application/xml", "<invoice><total>3</total></invoice>".getBytes()), 415, "unsupported-media-type")
                .body("detail", containsString("<invoice>"));
    }

    @Test
    void zipBombIsRefusedInBoundedTime() throws IOException {
        long start = System.nanoTime();
        // Whichever guard trips first (POI's inflate ratio or the text limit), the answer names the zip bomb.
        post("application/vnd.openxmlformats-officedocument.wordprocessingml.document", zipBombDocx())
                .statusCode(422)
                .body("type", anyOf(endsWith("/zip-bomb"), endsWith("/text-limit-exceeded")))
                .body("detail", containsString("zip bomb"));
        org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 60_000_000_000L);
    }

    @Test
    void xmlEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>""";
        problem(post("application/xml", xxe.getBytes()), 422, "xml-entities-refused")
                .body("detail", containsString("ENTITY"));
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>\n<rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>");
        problem(post("application/rss+xml", laughs.toString().getBytes()), 422, "xml-entities-refused");
    }

    @Test
    void deeplyNestedMarkupIsRefused() {
        String xml = "<nitf><body><body.content>" + "<block>".repeat(5000) + "x" + "</block>".repeat(5000)
                + "</body.content></body></nitf>";
        problem(post("application/xml", xml.getBytes()), 422, "nesting-too-deep");
        String html = "<html><body>" + "<div>".repeat(20000) + "deep" + "</div>".repeat(20000) + "</body></html>";
        problem(post("text/html", html.getBytes()), 422, "nesting-too-deep");
        String json = "[".repeat(100000) + "]".repeat(100000);
        problem(post("application/json", json.getBytes()), 422, "nesting-too-deep");
    }

    @Test
    void invalidUtf8IsNamedWithItsOffset() {
        byte[] bytes = "Kabul, Nov 9 – ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(bytes, bytes.length + 3);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        bad[bytes.length + 2] = (byte) 0xFF;
        problem(post("text/plain; charset=utf-8", bad), 422, "invalid-encoding")
                .body("detail", containsString("UTF-8"))
                .body("detail", containsString("offset " + bytes.length));
        problem(post("text/plain; charset=klingon-8", "hello".getBytes()), 415, "unsupported-media-type");
    }

    @Test
    void hostileFilenamesAreNeutralised() {
        String text = Api.unique("HERAT (Khaama Press) - Officials reopened the historic citadel to visitors.");
        Api.asAdmin().multiPart("file", "../../etc/\u202Etxt.exe\u0007passwd", text.getBytes(StandardCharsets.UTF_8),
                        "text/plain").post("/api/v1/articles").then().statusCode(201)
                .body("original.filename", equalTo("txt.exepasswd"));
        String text2 = Api.unique("HERAT (Khaama Press) - A second story about the citadel and its visitors.");
        Api.asAdmin().multiPart("file", "a".repeat(5000) + ".txt", text2.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/articles").then().statusCode(201)
                .body("original.filename.length()", lessThanOrEqualTo(200))
                .body("original.filename", endsWith(".txt"));
    }

    @Test
    void badParametersAre400() {
        Api.asAdmin().contentType("text/plain").queryParam("embargoUntil", "next tuesday").body("text")
                .post("/api/v1/articles").then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-embargo"));
        Api.asAdmin().queryParam("limit", 1000).get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().contentType("multipart/form-data").multiPart("source", "x").post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/missing-file"));
    }

    @Test
    void serviceStaysHealthyAfterHostileInput() throws IOException {
        post("application/vnd.openxmlformats-officedocument.wordprocessingml.document", zipBombDocx());
        Api.awaitReady();
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** A real DOCX container whose document part inflates to ~200 MB of text from a few hundred kilobytes. */
    static byte[] zipBombDocx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = ("<w:p><w:r><w:t>" + "lol ".repeat(2000) + "</w:t></w:r></w:p>").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 25_000; i++) {
                zip.write(paragraph);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
