package io.lingowire.ingest;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dateline and attribution are read where a wire editor finds them — after a title block's author and date, a
 * byline, a kicker — and in the lead word of any shipped language, with dashes and digits as wires vary them.
 */
@QuarkusTest
class OpeningBlocksTest {

    private static JsonPath ingest(String contentType, String body) {
        return Api.asAdmin().contentType(contentType).body(body).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String body(JsonPath article) {
        return String.join("\n", article.getList("blocks.text", String.class));
    }

    @Test
    void aTitleBlockAuthorDateAndBylineComeBeforeTheSyndicationLine() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // the shape pandoc gives a Markdown story with a title block (title, author, date)
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Wheat harvest " + tag + "</title></head><body>"
                + "<header><h1 class=\"title\">Wheat harvest beats forecasts " + tag + "</h1>"
                + "<p class=\"author\">Farida Noori</p><p class=\"date\">2025-03-14</p></header>"
                + "<p>By Farida Noori, Mazar-i-Sharif</p>"
                + "<p>date 2025-03-14 (MENAFN- Bakhtar News) Farmers in the north brought in 12 percent more wheat "
                + "than last year, the agriculture ministry said on Friday.</p>"
                + "<p>Officials credited late rains and new seed varieties for the result " + tag + ".</p>"
                + "</body></html>";
        JsonPath a = ingest("text/html; charset=utf-8", html);
        assertEquals("Wheat harvest beats forecasts " + tag, a.getString("title"));
        assertEquals("Farida Noori, Mazar-i-Sharif", a.getString("byline"));
        assertEquals("2025-03-14", a.getString("dateline.date"), a.prettify());
        assertEquals("MENAFN", a.getString("source.name"));
        assertTrue(a.getList("source.chain.name").contains("Bakhtar News"), a.prettify());
        List<String> blocks = a.getList("blocks.text", String.class);
        assertTrue(blocks.get(0).startsWith("Farmers in the north"), blocks.get(0));
        assertFalse(body(a).contains("MENAFN") || body(a).contains("Farida Noori"), body(a));
    }

    @Test
    void syndicationLinesInOtherLanguagesDashesAndDigits() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath es = ingest("text/plain; charset=utf-8", "Los ministros acuerdan el plan " + tag + "\n\n"
                + "fecha 2025-05-21 (MENAFN – Agencia Andina) Los ministros de economía acordaron el martes un plan "
                + "común para reducir la inflación en la región.\n\nEl acuerdo entrará en vigor en julio " + tag + ".");
        assertEquals("2025-05-21", es.getString("dateline.date"), es.prettify());
        assertTrue(es.getList("source.chain.name").contains("Agencia Andina"), es.prettify());
        assertTrue(es.getList("blocks.text", String.class).get(0).startsWith("Los ministros de economía"), body(es));

        JsonPath ar = ingest("text/plain; charset=utf-8", "الوزراء يتفقون على الخطة " + tag + "\n\n"
                + "التاريخ ٢٠٢٥-٠٦-٣٠ (MENAFN- وكالة الأنباء الأردنية) اتفق الوزراء يوم الاثنين على خطة مشتركة لخفض "
                + "الأسعار بنسبة ١٥ في المئة.\n\nوسيبدأ تنفيذ الخطة في الشهر المقبل " + tag + ".");
        assertEquals("2025-06-30", ar.getString("dateline.date"), ar.prettify());
        assertTrue(ar.getList("source.chain.name").contains("وكالة الأنباء الأردنية"), ar.prettify());
        assertFalse(body(ar).contains("MENAFN") || body(ar).contains("التاريخ"), body(ar));
        assertTrue(body(ar).contains("١٥ في المئة"), "the body keeps its digits as written: " + body(ar));
    }
}
