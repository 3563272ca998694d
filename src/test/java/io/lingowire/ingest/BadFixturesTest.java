package io.lingowire.ingest;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Broken and hostile files made by real tools (src/test/fixtures/render.sh), each refused with its own problem. */
@QuarkusTest
class BadFixturesTest {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "encrypted.pdf, application/pdf, 422, encrypted-document, encrypted-document",
            "truncated.pdf, application/pdf, 422, truncated-document, truncated-document",
            "truncated.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document, 422, corrupt-document, corrupt-document",
            "zipbomb.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document, 422, zip-bomb, text-limit-exceeded",
            "invalid-utf8.txt, text/plain; charset=utf-8, 422, invalid-encoding, invalid-encoding",
            "image.png, image/png, 415, unsupported-media-type, unsupported-media-type",
            "not-a-pdf.txt, application/pdf, 415, unsupported-media-type, unsupported-media-type",
            "xxe-nitf.xml, application/xml, 422, xml-entities-refused, xml-entities-refused",
            "billion-laughs.xml, application/xml, 422, xml-entities-refused, xml-entities-refused",
            "feed-xxe.xml, application/rss+xml, 422, xml-entities-refused, xml-entities-refused",
    })
    void refusedWithAProblemThatNamesIt(String file, String type, int status, String problem, String alternative) {
        Api.asAdmin().contentType(type).body(Api.fixture("bad/" + file)).post("/api/v1/articles").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", anyOf(endsWith("/" + problem), endsWith("/" + alternative)));
    }
}
