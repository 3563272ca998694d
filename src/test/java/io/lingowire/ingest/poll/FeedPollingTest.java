package io.lingowire.ingest.poll;

import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(value = FeedStub.class, restrictToAnnotatedClass = true)
class FeedPollingTest {

    private static String item(String guid, String title, String text) {
        return """
                <item><title>%s</title><link>https://example.org/%s</link><guid isPermaLink="false">%s</guid>
                <pubDate>Tue, 12 Nov 2024 08:30:00 GMT</pubDate>
                <description>&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;Officials gave no further details on Tuesday.&lt;/p&gt;</description></item>
                """.formatted(title, guid, guid, text);
    }

    private static String feed(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Khaama Press</title>"
                + "<link>https://example.org/</link><description>News</description><language>en</language>"
                + String.join("", items) + "</channel></rss>";
    }

    @Test
    void pollsWithConditionalGetAndIngestsEachEntryOnce() {
        String run = UUID.randomUUID().toString();
        String a = item("urn:khaama:" + run + ":1", "Salang pass reopens after snow",
                "KABUL (Khaama Press) - The Salang pass reopened on Tuesday after two days of heavy snow.");
        String b = item("urn:khaama:" + run + ":2", "Herat citadel welcomes visitors",
                "HERAT (Khaama Press) - The restored citadel of Herat opened its gates to visitors again.");
        String c = item("urn:khaama:" + run + ":3", "Wheat prices fall in Kandahar",
                "KANDAHAR (Khaama Press) - Wheat prices fell by 8 percent in Kandahar markets this week.");
        FeedStub.server.stubFor(get("/feed.xml").withHeader("If-None-Match", equalTo("\"v1\""))
                .atPriority(1).willReturn(aResponse().withStatus(304)));
        FeedStub.server.stubFor(get("/feed.xml").atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withHeader("ETag", "\"v1\"")
                .withBody(feed(a, b))));

        Api.asAdmin().post("/api/v1/sources/khaama/poll").then().statusCode(200)
                .body("status", is("ok")).body("created", is(2)).body("duplicates", is(0));
        Api.asAdmin().post("/api/v1/sources/khaama/poll").then().statusCode(200)
                .body("status", is("not-modified")).body("created", is(0));
        FeedStub.server.verify(getRequestedFor(urlEqualTo("/feed.xml")).withHeader("If-None-Match", equalTo("\"v1\"")));

        FeedStub.server.stubFor(get("/feed.xml").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v2\"")
                        .withHeader("Content-Type", "application/rss+xml").withBody(feed(c, a, b))));
        Api.asAdmin().post("/api/v1/sources/khaama/poll").then().statusCode(200)
                .body("status", is("ok")).body("created", is(1)).body("duplicates", is(2));

        Api.asAdmin().queryParam("source", "khaama").queryParam("q", "Wheat prices fall").get("/api/v1/articles")
                .then().statusCode(200).body("items.title", hasItem("Wheat prices fall in Kandahar"));
        Api.asAdmin().get("/api/v1/sources").then().statusCode(200)
                .body("find { it.name == 'khaama' }.itemsIngested", is(3))
                .body("find { it.name == 'khaama' }.lastStatus", is("ok"));
    }

    @Test
    void redirectToAHostThatIsNotAllowedIsRefused() {
        FeedStub.server.stubFor(get("/moved.xml").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
        Api.asAdmin().post("/api/v1/sources/moved/poll").then().statusCode(200)
                .body("status", is("refused"));
        Api.asAdmin().get("/api/v1/sources").then()
                .body("find { it.name == 'moved' }.lastError", containsString("169.254.169.254"));
    }

    @Test
    void unknownSourceIs404() {
        Api.asAdmin().post("/api/v1/sources/nope/poll").then().statusCode(404).contentType("application/problem+json");
    }
}
