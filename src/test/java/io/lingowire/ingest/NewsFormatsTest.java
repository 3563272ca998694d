package io.lingowire.ingest;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** News formats are read with their structure and metadata, through the public API. */
@QuarkusTest
class NewsFormatsTest {

    private static io.restassured.response.ValidatableResponse ingest(String file, String type) {
        return Api.asAdmin().contentType(type).body(Api.fixture("news/" + file)).queryParam("filename", file)
                .post("/api/v1/articles").then();
    }

    @Test
    void nitfWithNamespace() {
        ingest("nitf-3.6.xml", "application/xml").statusCode(201)
                .body("guid", equalTo("urn:khaama:2024:power-corridor"))
                .body("title", equalTo("Afghanistan secures $4.2 billion pledge for northern power corridor"))
                .body("byline", equalTo("Sarah Malik"))
                .body("dateline.place", equalTo("Kabul"))
                .body("dateline.date", equalTo("2024-11-12"))
                .body("publishedAt", equalTo("2024-11-12T09:30:00Z"))
                .body("language", equalTo("en"))
                .body("pubStatus", equalTo("usable"))
                .body("keywords", contains("Afghanistan", "energy", "Central Asia"))
                .body("source.chain", hasItems(
                        java.util.Map.of("name", "MENAFN", "role", "distributor"),
                        java.util.Map.of("name", "Khaama Press", "role", "originator"),
                        java.util.Map.of("name", "Reuters", "role", "cited")))
                .body("blocks.type", contains("paragraph", "paragraph", "heading", "paragraph", "quote", "quote", "list",
                        "table"))
                .body("blocks[4].text", equalTo("This line will keep hospitals and schools open through the winter."))
                .body("blocks[5].text", equalTo("— Deputy minister"))
                .body("blocks[6].items", contains("A 500-kilovolt line", "Two substations"))
                .body("blocks[7].rows[1]", contains("1", "2026"))
                .body("original.mediaType", equalTo("application/xml"));
    }

    @Test
    void nitfWithDoctypeAndWireDateline() {
        ingest("nitf-3.6-doctype.xml", "text/xml").statusCode(201)
                .body("guid", equalTo("urn:khaama:2024:herat-citadel"))
                .body("embargoUntil", equalTo("2024-11-15T12:00:00Z"))
                .body("dateline.place", equalTo("HERAT"))
                .body("dateline.date", equalTo("2024-11-15"))
                .body("source.chain[0].name", equalTo("Khaama Press"))
                .body("blocks[0].text", startsWith("The restored citadel of Herat"));
    }

    @Test
    void newsMlG2Item() {
        ingest("newsml-g2-item.xml", "application/vnd.iptc.g2.newsitem+xml").statusCode(201)
                .body("guid", equalTo("urn:newsml:khaama.example:20241112:power-corridor"))
                .body("embargoUntil", equalTo("2024-11-13T06:00:00Z"))
                .body("publishedAt", equalTo("2024-11-12T09:00:00Z"))
                .body("byline", equalTo("Sarah Malik"))
                .body("dateline.place", equalTo("Kabul"))
                .body("dateline.text", equalTo("KABUL, Nov 12"))
                .body("source.name", equalTo("Khaama Press via MENAFN"))
                .body("source.chain", hasItems(java.util.Map.of("name", "Khaama Press", "role", "originator"),
                        java.util.Map.of("name", "MENAFN", "role", "distributor")))
                .body("keywords", hasItems("energy", "Central Asia", "energy industry"))
                .body("blocks.type", contains("paragraph", "paragraph", "quote"));
    }

    @Test
    void newsMlG2MessageWithTwoItemsGivesTwoArticles() {
        ingest("newsml-g2-package.xml", "application/xml").statusCode(201)
                .body("articles", hasSize(2))
                .body("articles.guid", contains("urn:newsml:khaama.example:20241114:wheat-prices",
                        "urn:newsml:khaama.example:20241114:ayuda-madrid"))
                .body("articles.language", contains("en", "es"))
                .body("articles.pubStatus", contains("usable", "withheld"))
                .body("articles[1].dateline.place", equalTo("MADRID"))
                .body("articles[1].source.chain[0].name", equalTo("EFE"))
                .body("articles[1].blocks[0].text", startsWith("El Gobierno español duplicará"));
    }

    @Test
    void ninjsInAllThreeGenerations() {
        ingest("ninjs-1.json", "application/json").statusCode(201)
                .body("guid", equalTo("urn:khaama:2024:salang-snow"))
                .body("title", equalTo("Salang pass closed by heavy snow"))
                .body("embargoUntil", equalTo("2024-11-16T09:00:00Z"))
                .body("byline", equalTo("Ahmad Rahimi"))
                .body("keywords", hasItems("weather", "roads", "environment"))
                .body("blocks", hasSize(2));
        ingest("ninjs-2.json", "application/json").statusCode(201)
                .body("title", equalTo("Kabul adds electric buses to city routes"))
                .body("source.chain[0].name", equalTo("Khaama Press"))
                .body("blocks[1].text", equalTo("Officials said fares would stay at 10 afghanis."));
        ingest("ninjs-3.json", "application/ninjs+json").statusCode(201)
                .body("guid", equalTo("urn:khaama:2024:mazar-airport"))
                .body("title", equalTo("Mazar-i-Sharif airport opens new terminal"))
                .body("publishedAt", equalTo("2024-11-17T06:00:00Z"))
                .body("embargoUntil", equalTo("2024-11-17T09:00:00Z"))
                .body("dateline.place", equalTo("Mazar-i-Sharif"))
                .body("source.name", equalTo("Khaama Press"))
                .body("source.chain.role", containsInAnyOrder("originator", "distributor"))
                .body("keywords", hasItem("air transport"));
    }

    @Test
    void rssAndAtomFeedFilesGiveOneArticlePerEntry() {
        ingest("rss2.xml", "application/rss+xml").statusCode(201)
                .body("articles", hasSize(3))
                .body("articles.guid", contains("urn:khaama:rss:kabul-river", "urn:khaama:rss:bamiyan-festival",
                        "urn:khaama:rss:herat-saffron"))
                .body("articles[0].byline", equalTo("Sarah Malik"))
                .body("articles[0].publishedAt", equalTo("2024-11-18T08:00:00Z"))
                .body("articles[1].blocks.type", contains("paragraph", "quote"))
                .body("articles[2].keywords", contains("business"));
        ingest("atom.xml", "application/atom+xml").statusCode(201)
                .body("articles", hasSize(2))
                .body("articles.language", contains("en", "es"))
                .body("articles[1].blocks[1].text", equalTo("Las obras costaron 2,5 millones de dólares."));
        // the same feed again: every entry is recognised, nothing new is stored
        ingest("rss2.xml", "application/rss+xml").statusCode(200).body("articles.ingest", contains(
                "duplicate", "duplicate", "duplicate"));
    }
}
