package io.lingowire.syndication;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.lingowire.support.Schemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners, entitlements and the pull feed: keys, who sees what, cursors and long-poll, ETags, embargo, correction
 * and kill, in every format, each checked against its official schema or read by a real feed reader (ROME). Every
 * partner here is entitled to a source name unique to this run, so that it never touches other tests' articles.
 */
@QuarkusTest
class SyndicationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> PARTNERS = new ArrayList<>();

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    /** Partners are removed after each test, so that their entitlements queue no work for other tests. */
    @AfterEach
    void removePartners() {
        PARTNERS.forEach(id -> Api.asAdmin().delete("/api/v1/partners/" + id).then().statusCode(204));
        PARTNERS.clear();
    }

    static String source(String name) {
        return name + "-" + RUN;
    }

    /** Creates a partner; returns its id and clear API key. */
    static String[] partner(String json) {
        JsonPath created = Api.asAdmin().contentType("application/json").body(json).post("/api/v1/partners")
                .then().statusCode(201).body("apiKey", containsString("lwp_")).extract().jsonPath();
        PARTNERS.add(created.getString("id"));
        return new String[]{created.getString("id"), created.getString("apiKey")};
    }

    static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    static String story(String headline, String place) {
        return headline + "\n\n"
                + "date 2026-11-20 (MENAFN- Khaama Press) " + place + " officials said on Friday that 12 schools "
                + "would reopen next week after repairs costing $1.5 million.\n\n"
                + "The ministry said teachers had been paid and that books would arrive by Monday.\n\n"
                + "Reference " + UUID.randomUUID() + ".";
    }

    static String ingest(String text, String source, String extra) {
        return Api.asAdmin().contentType("text/plain; charset=utf-8").body(text)
                .post("/api/v1/articles?source=" + source + (extra == null ? "" : "&" + extra))
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath feed(String key, String query) {
        return as(key).get("/partner/v1/feed" + (query == null ? "" : "?" + query)).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Reads the feed from the start to its end, following cursors. */
    static List<Map<String, Object>> everything(String key, String query) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            JsonPath page = feed(key, "limit=100" + (query == null ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor));
            List<Map<String, Object>> got = page.getList("items");
            if (got.isEmpty()) {
                return items;
            }
            items.addAll(got);
            cursor = page.getString("next");
        }
        throw new AssertionError("the feed did not end");
    }

    static List<String> uris(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("uri")).toList();
    }

    @Test
    void keysAreShownOnceStoredHashedRotatableAndRevocable() {
        String[] p = partner("{\"name\":\"Keys " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\""
                + source("keys") + "\"]}");
        Api.asAdmin().get("/api/v1/partners/" + p[0]).then().statusCode(200)
                .body("apiKey", nullValue())
                .body("keys[0].hint", equalTo(p[1].substring(0, 8) + "…"));
        as(p[1]).get("/partner/v1/feed").then().statusCode(200);
        RestAssured.given().header("X-Api-Key", p[1]).get("/partner/v1/feed").then().statusCode(200);
        // a partner key opens the partner API only
        as(p[1]).get("/api/v1/articles").then().statusCode(403).contentType("application/problem+json");
        Api.asAdmin().get("/partner/v1/feed").then().statusCode(403);

        JsonPath rotated = Api.asAdmin().post("/api/v1/partners/" + p[0] + "/keys").then().statusCode(201)
                .extract().jsonPath();
        String second = rotated.getString("apiKey");
        assertNotEquals(p[1], second);
        as(p[1]).get("/partner/v1/feed").then().statusCode(200);
        as(second).get("/partner/v1/feed").then().statusCode(200);
        String firstKeyId = Api.asAdmin().get("/api/v1/partners/" + p[0]).then().extract().path("keys[0].id");
        Api.asAdmin().delete("/api/v1/partners/" + p[0] + "/keys/" + firstKeyId).then().statusCode(200)
                .body("revokedAt", not(emptyOrNullString()));
        as(p[1]).get("/partner/v1/feed").then().statusCode(401).contentType("application/problem+json");
        as(second).get("/partner/v1/feed").then().statusCode(200);
        as("lwp_not-a-key").get("/partner/v1/feed").then().statusCode(401);

        Api.asAdmin().contentType("application/json").body("{\"name\":\"x\",\"languages\":[\"not a tag!\"]}")
                .post("/api/v1/partners").then().statusCode(400).contentType("application/problem+json");
        Api.asAdmin().contentType("application/json").body("{\"name\":\"x\",\"languages\":[\"en\"],\"formats\":[\"pdf\"]}")
                .post("/api/v1/partners").then().statusCode(400);
    }

    @Test
    void partnerASeesNeverTheLanguagesOrSourcesOfPartnerB() {
        String srcA = source("wire-a");
        String srcB = source("wire-b");
        String[] a = partner("{\"name\":\"A " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + srcA + "\"]}");
        String[] b = partner("{\"name\":\"B " + RUN + "\",\"languages\":[\"es\"],\"sources\":[\"" + srcB + "\"]}");
        String enA = ingest(story("Schools reopen in Herat", "HERAT"), srcA, null);
        String enB = ingest(story("Schools reopen in Balkh", "BALKH"), srcB, "language=en");
        String esB = ingest("Las escuelas reabren en Kandahar\n\nLas autoridades de Kandahar dijeron el viernes que "
                + "doce escuelas volverán a abrir la próxima semana tras las reparaciones.\n\nEl ministerio afirmó "
                + "que los maestros habían cobrado.\n\nReferencia " + UUID.randomUUID() + ".", srcB, "language=es");

        List<String> seenByA = uris(everything(a[1], null));
        assertTrue(seenByA.contains("urn:lingowire:" + enA + ":en"), seenByA.toString());
        assertFalse(seenByA.stream().anyMatch(u -> u.contains(enB) || u.contains(esB)), seenByA.toString());
        List<String> seenByB = uris(everything(b[1], null));
        assertTrue(seenByB.contains("urn:lingowire:" + esB + ":es"), seenByB.toString());
        assertFalse(seenByB.stream().anyMatch(u -> u.contains(enA) || u.endsWith(":en")), seenByB.toString());

        as(b[1]).get("/partner/v1/feed?lang=en").then().statusCode(403).contentType("application/problem+json");
        as(a[1]).get("/partner/v1/items/" + esB + "?lang=es").then().statusCode(404);
        as(a[1]).get("/partner/v1/items/" + enB + "?lang=en").then().statusCode(404);
        as(a[1]).get("/partner/v1/items/" + enA + "?lang=en").then().statusCode(200).body("language", equalTo("en"));
    }

    @Test
    void aPartnerEntitledToProductsSeesOnlyStoriesOfThoseProducts() {
        String src = source("products");
        String[] sports = partner("{\"name\":\"Sports desk " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\""
                + src + "\"],\"products\":[\"Sports\",\"  \",\"sports\"]}");
        Api.asAdmin().get("/api/v1/partners/" + sports[0]).then().statusCode(200).body("products", contains("Sports"));
        String[] everything = partner("{\"name\":\"All desk " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\""
                + src + "\"]}");
        String match = ingest(story("Herat wins the cup", "HERAT"), src, "products=sports,world");
        String other = ingest(story("Herat opens a clinic", "HERAT"), src, "products=world");
        String none = ingest(story("Herat gets new buses", "HERAT"), src, null);
        Api.asAdmin().get("/api/v1/articles/" + match).then().body("products", contains("sports", "world"));

        List<String> seen = uris(everything(sports[1], null));
        assertEquals(List.of("urn:lingowire:" + match + ":en"), seen, "only the story in a product the partner takes");
        as(sports[1]).get("/partner/v1/items/" + other + "?lang=en").then().statusCode(404);
        as(sports[1]).get("/partner/v1/items/" + none + "?lang=en").then().statusCode(404);
        assertTrue(uris(everything(everything[1], null)).containsAll(List.of("urn:lingowire:" + match + ":en",
                "urn:lingowire:" + other + ":en", "urn:lingowire:" + none + ":en")), "no products listed means all");
    }

    @Test
    void theCursorResumesWherePartnerLeftOffAndLongPollReturnsWhenSomethingArrives() throws Exception {
        String src = source("cursor");
        String[] p = partner("{\"name\":\"Cursor " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + src + "\"]}");
        String first = ingest(story("Road opens in Ghazni", "GHAZNI"), src, null);
        String second = ingest(story("Bridge opens in Kunduz", "KUNDUZ"), src, null);
        JsonPath one = feed(p[1], "limit=1");
        assertEquals(List.of("urn:lingowire:" + first + ":en"), one.getList("items.uri"));
        JsonPath two = feed(p[1], "limit=1&cursor=" + one.getString("next"));
        assertEquals(List.of("urn:lingowire:" + second + ":en"), two.getList("items.uri"));
        JsonPath end = feed(p[1], "limit=1&cursor=" + two.getString("next"));
        assertTrue(end.getList("items").isEmpty());
        assertEquals(two.getString("next"), end.getString("next"), "an empty page gives the same cursor back");

        // long-poll: the request waits, and returns as soon as the next story is published
        String cursor = end.getString("next");
        long start = System.nanoTime();
        CompletableFuture<JsonPath> polling = CompletableFuture.supplyAsync(
                () -> feed(p[1], "wait=20&cursor=" + cursor));
        await("the long-poll to hold while nothing is new").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2)).until(() -> !polling.isDone());
        ingest(story("Clinic opens in Bamyan", "BAMYAN"), src, null);
        JsonPath waited = polling.get(15, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, waited.getList("items").size(), waited.prettify());
        assertTrue(ms >= 1000 && ms < 15_000, "returned after " + ms + " ms");

        as(p[1]).get("/partner/v1/feed?cursor=garbage").then().statusCode(400).contentType("application/problem+json");
        as(p[1]).get("/partner/v1/feed?limit=1000").then().statusCode(400);
        as(p[1]).get("/partner/v1/feed?wait=300").then().statusCode(400);
    }

    @Test
    void etagsGive304AndTheRateLimitGives429() {
        String src = source("etag");
        String[] p = partner("{\"name\":\"ETag " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + src
                + "\"],\"rateLimit\":8}");
        String id = ingest(story("Market reopens in Kabul", "KABUL"), src, null);
        Response item = as(p[1]).get("/partner/v1/items/" + id + "?lang=en");
        String etag = item.then().statusCode(200).extract().header("ETag");
        as(p[1]).header("If-None-Match", etag).get("/partner/v1/items/" + id + "?lang=en").then().statusCode(304);
        String feedTag = as(p[1]).get("/partner/v1/feed").then().statusCode(200).extract().header("ETag");
        as(p[1]).header("If-None-Match", feedTag).get("/partner/v1/feed").then().statusCode(304);
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            Response r = as(p[1]).get("/partner/v1/feed");
            status = r.statusCode();
            if (status == 429) {
                r.then().contentType("application/problem+json").header("Retry-After", not(emptyOrNullString()));
            }
        }
        assertEquals(429, status, "the ninth request within a minute is refused");
    }

    @Test
    void aPolledPageComesBackWithTheSameBytesAndHeadersAndRefusalsStayRefusals() {
        String src = source("poll");
        String[] p = partner("{\"name\":\"Poll " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + src
                + "\"],\"formats\":[\"ninjs\",\"atom\"]}");
        ingest(story("Bridge reopens in Herat", "HERAT"), src, null);
        for (String query : new String[]{"limit=5", "limit=5&format=atom"}) {
            // the first answer renders the page; the next ones are served from it (see CachedFeedRoute)
            Response first = as(p[1]).get("/partner/v1/feed?" + query);
            first.then().statusCode(200);
            for (int i = 0; i < 3; i++) {
                Response again = as(p[1]).get("/partner/v1/feed?" + query);
                again.then().statusCode(200);
                assertArrayEquals(first.asByteArray(), again.asByteArray(), query);
                for (String header : List.of("ETag", "Content-Type", "Cache-Control", "Vary", "Link", "X-Next-Cursor")) {
                    assertEquals(first.header(header), again.header(header), header + " of " + query);
                    assertNotNull(again.header(header), header + " of " + query);
                }
            }
            as(p[1]).header("If-None-Match", "\"other\", " + first.header("ETag"))
                    .get("/partner/v1/feed?" + query).then().statusCode(304)
                    .header("ETag", first.header("ETag")).header("X-Next-Cursor", first.header("X-Next-Cursor"));
        }
        assertTrue(as(p[1]).get("/partner/v1/feed?limit=5&format=atom").contentType().contains("charset=utf-8"));
        // what the partner may not have is refused the same way however often the allowed page was asked for
        as(p[1]).get("/partner/v1/feed?limit=5&format=rss").then().statusCode(403)
                .contentType("application/problem+json");
        as(p[1]).get("/partner/v1/feed?limit=5&lang=fr").then().statusCode(403)
                .contentType("application/problem+json");
        as(p[1]).get("/partner/v1/feed?limit=abc").then().statusCode(400).contentType("application/problem+json");
        as(p[1]).get("/partner/v1/feed?wait=soon").then().statusCode(400).contentType("application/problem+json");
        Api.asAdmin().delete("/api/v1/partners/" + p[0]).then().statusCode(204);
        PARTNERS.remove(p[0]);
        as(p[1]).get("/partner/v1/feed?limit=5").then().statusCode(401);
    }

    @Test
    void everyFormatValidatesAgainstItsOfficialSchemaAndReadsInAFeedReader() throws Exception {
        Schemas.assumePresent();
        String src = source("formats");
        String[] p = partner("{\"name\":\"Formats " + RUN + "\",\"languages\":[\"en\",\"ar\"],\"sources\":[\""
                + src + "\"]}");
        String en = ingest(story("Flights resume at Kabul airport", "KABUL"), src,
                "embargoUntil=" + Instant.now().minusSeconds(5));
        String ar = ingest(Api.fixtureText("languages/ar.txt") + "\n\n" + UUID.randomUUID(), src, "language=ar");

        for (String[] item : new String[][]{{en, "en"}, {ar, "ar"}}) {
            String json = as(p[1]).get("/partner/v1/items/" + item[0] + "?lang=" + item[1]).then().statusCode(200)
                    .contentType("application/json").extract().asString();
            assertEquals(List.of(), Schemas.ninjsErrors(json), json);
            JsonPath ninjs = JsonPath.from(json);
            assertEquals(item[1], ninjs.getString("language"));
            assertEquals("usable", ninjs.getString("pubStatus"));
            assertTrue(ninjs.getString("bodies[0].value").contains("dir=\"" + (item[1].equals("ar") ? "rtl" : "ltr") + "\""));
            Schemas.assertValidXml(bytes(p[1], item[0], item[1], "newsml-g2"), "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd");
            Schemas.assertValidXml(bytes(p[1], item[0], item[1], "nitf"), "nitf/nitf-3-6.xsd");
        }
        JsonPath enItem = as(p[1]).get("/partner/v1/items/" + en + "?lang=en").then().extract().jsonPath();
        assertEquals(List.of("Khaama Press", "MENAFN"), enItem.getList("infoSources.name"));
        assertEquals(List.of("originator", "distributor"), enItem.getList("infoSources.role"));
        String arNewsml = new String(bytes(p[1], ar, "ar", "newsml-g2"), StandardCharsets.UTF_8);
        assertTrue(arNewsml.contains("dir=\"rtl\""), arNewsml);

        // the feed itself: ninjs items, a NewsML-G2 newsMessage, RSS and Atom read by ROME
        for (Map<String, Object> item : everything(p[1], null)) {
            String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(item);
            assertEquals(List.of(), Schemas.ninjsErrors(json), json);
        }
        Schemas.assertValidXml(as(p[1]).get("/partner/v1/feed?format=newsml-g2").then().statusCode(200)
                .extract().asByteArray(), "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd");
        SyndFeed atom = read(as(p[1]).get("/partner/v1/feed?format=atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asByteArray());
        assertEquals("atom_1.0", atom.getFeedType());
        SyndEntry arEntry = atom.getEntries().stream().filter(e -> e.getUri().contains(ar)).findFirst().orElseThrow();
        assertTrue(arEntry.getContents().get(0).getValue().contains("dir=\"rtl\""));
        String rawAtom = as(p[1]).get("/partner/v1/feed?format=atom").asString();
        assertTrue(rawAtom.contains("xml:lang=\"ar\"") && rawAtom.contains("xml:lang=\"en\""), rawAtom);
        SyndFeed rss = read(as(p[1]).accept("application/rss+xml").get("/partner/v1/feed").then().statusCode(200)
                .extract().asByteArray());
        assertEquals("rss_2.0", rss.getFeedType());
        assertTrue(rss.getEntries().stream().anyMatch(e -> e.getTitle().contains("Flights resume")));
        as(p[1]).get("/partner/v1/feed?format=nitf").then().statusCode(400).contentType("application/problem+json");
        as(p[1]).get("/partner/v1/feed?format=docx").then().statusCode(400);
    }

    @Test
    void embargoedCopyReachesOnlyPreEmbargoPartnersUntilTheEmbargoEnds() {
        String src = source("embargo");
        String[] regular = partner("{\"name\":\"Regular " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + src + "\"]}");
        String[] early = partner("{\"name\":\"Early " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + src
                + "\"],\"preEmbargo\":true}");
        Instant until = Instant.now().plusSeconds(4);
        String id = ingest(story("Budget to be announced", "KABUL"), src, "embargoUntil=" + until);
        String uri = "urn:lingowire:" + id + ":en";
        assertFalse(uris(everything(regular[1], null)).contains(uri), "nothing before the embargo");
        as(regular[1]).get("/partner/v1/items/" + id + "?lang=en").then().statusCode(404);
        JsonPath earlyItem = as(early[1]).get("/partner/v1/items/" + id + "?lang=en").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(until.getEpochSecond(), Instant.parse(earlyItem.getString("embargoedUntil")).getEpochSecond());
        assertTrue(uris(everything(early[1], null)).contains(uri));
        String nitf = new String(bytes(early[1], id, "en", "nitf"), StandardCharsets.UTF_8);
        assertTrue(nitf.contains("management-status=\"embargoed\"") && nitf.contains("date.release"), nitf);

        // once the embargo is over the release job publishes it to everyone
        await("published to the regular partner after the embargo").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> uris(everything(regular[1], null)).contains(uri));
        as(regular[1]).get("/partner/v1/items/" + id + "?lang=en").then().statusCode(200)
                .body("embargoedUntil", nullValue());
    }

    @Test
    void aCorrectionBumpsTheVersionAndAKillCancelsEverywhere() {
        Schemas.assumePresent();
        String src = source("lifecycle");
        String[] p = partner("{\"name\":\"Lifecycle " + RUN + "\",\"languages\":[\"en\"],\"sources\":[\"" + src + "\"]}");
        String guid = "urn:test:" + UUID.randomUUID();
        String ninjs1 = "{\"uri\":\"" + guid + "\",\"language\":\"en\",\"headlines\":[{\"value\":\"Dam opens in Helmand\"}],"
                + "\"bodies\":[{\"value\":\"The dam will irrigate 20,000 hectares, officials said.\"}]}";
        String id = Api.asAdmin().contentType("application/json").body(ninjs1).post("/api/v1/articles?source=" + src)
                .then().statusCode(201).extract().path("id");
        String ninjs2 = ninjs1.replace("20,000", "25,000");
        Api.asAdmin().contentType("application/json").body(ninjs2).post("/api/v1/articles?source=" + src)
                .then().statusCode(201).body("version", equalTo(2));
        JsonPath corrected = as(p[1]).get("/partner/v1/items/" + id + "?lang=en").then().statusCode(200).extract().jsonPath();
        assertEquals("2", corrected.getString("version"));
        assertTrue(corrected.getString("edNote").contains("Corrected version 2"), corrected.getString("edNote"));
        assertTrue(corrected.getString("bodies[0].value").contains("25,000"));
        String g2 = new String(bytes(p[1], id, "en", "newsml-g2"), StandardCharsets.UTF_8);
        assertTrue(g2.contains("sig:correction") && g2.contains("version=\"2\""), g2);

        String cursor = feed(p[1], "limit=100").getString("next");
        Api.asAdmin().contentType("application/json").body("{\"reason\":\"Legal complaint\"}")
                .post("/api/v1/articles/" + id + "/kill").then().statusCode(200).body("pubStatus", equalTo("canceled"));
        JsonPath after = feed(p[1], "cursor=" + cursor);
        assertEquals(List.of("urn:lingowire:" + id + ":en"), after.getList("items.uri"), "the kill is in the feed");
        assertEquals("canceled", after.getString("items[0].pubStatus"));
        assertTrue(after.getString("items[0].edNote").contains("Legal complaint"));
        assertTrue(after.getList("items[0].bodies") == null, "no text is given out after a kill");
        assertEquals(List.of(), Schemas.ninjsErrors(as(p[1]).get("/partner/v1/items/" + id + "?lang=en").asString()));
        Schemas.assertValidXml(bytes(p[1], id, "en", "nitf"), "nitf/nitf-3-6.xsd");
        String atom = as(p[1]).get("/partner/v1/feed?format=atom&cursor=" + cursor).asString();
        assertTrue(atom.contains("deleted-entry") && atom.contains("ref=\"urn:lingowire:" + id + ":en\""), atom);
        Api.asAdmin().contentType("application/json").body("{}").post("/api/v1/articles/" + id + "/kill")
                .then().statusCode(200);
    }

    @Test
    @NeedsEngine
    void machineTranslationsCarryTheirDisclosureAndWaitForApprovalWhereThePartnerAsks() {
        Schemas.assumePresent();
        String src = source("mt");
        String[] auto = partner("{\"name\":\"Auto " + RUN + "\",\"languages\":[\"es\"],\"sources\":[\"" + src + "\"]}");
        String[] careful = partner("{\"name\":\"Careful " + RUN + "\",\"languages\":[\"es\",\"en\"],\"sources\":[\""
                + src + "\"],\"autoApprove\":false}");
        // nobody asked for Spanish at ingest: the partners' entitlements queue it
        String id = ingest(story("Schools reopen in Kabul", "KABUL"), src, null);
        JsonPath es = Api.awaitTranslation(id, "es");
        assertEquals("translated", es.getString("status"), es.prettify());

        String json = as(auto[1]).get("/partner/v1/items/" + id + "?lang=es").then().statusCode(200).extract().asString();
        assertEquals(List.of(), Schemas.ninjsErrors(json), json);
        JsonPath item = JsonPath.from(json);
        assertEquals("es", item.getString("language"));
        assertTrue(item.getString("edNote").contains("traducido automáticamente del inglés por apertium"),
                item.getString("edNote"));
        assertTrue(item.getList("infoSources.role").contains("translator"));
        assertEquals("translationOf", item.getString("associations[0].rel"));
        assertEquals("urn:lingowire:" + id + ":en", item.getString("associations[0].uri"));
        assertEquals(List.of("Khaama Press", "MENAFN", "apertium (apertium/eng-spa)"), item.getList("infoSources.name"));
        Schemas.assertValidXml(bytes(auto[1], id, "es", "newsml-g2"), "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd");
        Schemas.assertValidXml(bytes(auto[1], id, "es", "nitf"), "nitf/nitf-3-6.xsd");

        as(careful[1]).get("/partner/v1/items/" + id + "?lang=es").then().statusCode(404);
        assertFalse(uris(everything(careful[1], "lang=es")).contains("urn:lingowire:" + id + ":es"));
        Api.asAdmin().post("/api/v1/articles/" + id + "/translations/es/approve").then().statusCode(200)
                .body("approvedBy", equalTo(Api.ADMIN));
        assertTrue(uris(everything(careful[1], "lang=es")).contains("urn:lingowire:" + id + ":es"));
        JsonPath approved = as(careful[1]).get("/partner/v1/items/" + id + "?lang=es").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(approved.getString("edNote").contains("revisado por un editor"), approved.getString("edNote"));
        // Atom links the language versions to each other
        String atom = as(careful[1]).get("/partner/v1/items/" + id + "?lang=en&format=atom").asString();
        assertTrue(atom.contains("hreflang=\"es\""), atom);
    }

    private static byte[] bytes(String key, String id, String lang, String format) {
        return as(key).get("/partner/v1/items/" + id + "?lang=" + lang + "&format=" + format).then().statusCode(200)
                .extract().asByteArray();
    }

    private static SyndFeed read(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
    }
}
