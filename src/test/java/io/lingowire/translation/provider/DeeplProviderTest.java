package io.lingowire.translation.provider;

import io.lingowire.support.Api;
import io.lingowire.support.NeedsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DeepL first in the chain, the local engine after it: success, a mangled placeholder, and an exhausted quota. */
@QuarkusTest
@QuarkusTestResource(value = DeeplStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeeplProviderTest {

    private static JsonPath translate(String title, String paragraph) {
        return Api.translateArticle(title, paragraph, "es");
    }

    /** DeepL answers a translate request mentioning {@code words} with {@code texts}. */
    private static void answerTo(String words, String... texts) {
        DeeplStub.server.stubFor(post("/v2/translate").withRequestBody(containing(words))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(deeplAnswer(texts))));
    }

    private static String deeplAnswer(String... texts) {
        StringBuilder body = new StringBuilder("{\"translations\":[");
        for (int i = 0; i < texts.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"detected_source_language\":\"EN\",\"text\":\"")
                    .append(texts[i].replace("\"", "\\\"")).append("\"}");
        }
        return body.append("]}").toString();
    }

    @Test
    @Order(1)
    void translatesThroughDeeplWithItsWireFormat() throws Exception {
        answerTo("Kabul market reopens", "Reabre el mercado de Kabul",
                "El mercado reabrió el lunes con <ph id=\"1\"/> tiendas.");
        JsonPath es = translate("Kabul market reopens", "The market reopened on Monday with 40 shops.");
        assertEquals("translated", es.getString("status"), es.prettify());
        assertEquals("deepl", es.getString("provider"));
        assertEquals("Reabre el mercado de Kabul", es.getString("title"));
        assertEquals("El mercado reabrió el lunes con 40 tiendas.", es.getString("blocks[0].text"));
        DeeplStub.server.verify(postRequestedFor(urlEqualTo("/v2/translate"))
                .withHeader("Authorization", equalTo("DeepL-Auth-Key test-key-0000:fx"))
                .withRequestBody(matchingJsonPath("$.tag_handling", equalTo("xml")))
                .withRequestBody(matchingJsonPath("$.source_lang", equalTo("EN")))
                .withRequestBody(matchingJsonPath("$.target_lang", equalTo("ES")))
                .withRequestBody(matchingJsonPath("$.text[1]", containing("<ph id=\"1\"/>"))));
    }

    @Test
    @Order(2)
    void aMangledPlaceholderPutsTheTranslationUnderReview() throws Exception {
        answerTo("Bread prices", "Suben los precios del pan",
                "Los precios subieron <ph id=\"1\"/> por ciento en semanas.");
        JsonPath es = translate("Bread prices climb", "Prices rose 12 percent in 3 weeks.");
        assertEquals("review", es.getString("status"), es.prettify());
        assertTrue(es.getList("flags", String.class).stream().anyMatch(f -> f.contains("lost \"3\"")),
                es.getList("flags").toString());
    }

    private static String ninjs(String uri, String body) {
        return "{\"uri\":\"" + uri + "\",\"type\":\"text\",\"language\":\"en\",\"headline\":\"Council approves the budget\","
                + "\"body_text\":\"" + body + "\"}";
    }

    @Test
    @Order(3)
    void aCorrectionSendsOnlyTheChangedSentences() throws Exception {
        // the stub answers each text with "ES " in front of it (WireMock response templating)
        DeeplStub.server.stubFor(post("/v2/translate").atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"translations\":[{{#each (jsonPath request.body '$.text') as |t|}}"
                                + "{{#unless @first}},{{/unless}}{\"text\":\"ES {{{t}}}\"}{{/each}}]}")
                        .withTransformers("response-template")));
        String uri = "urn:test:council:" + java.util.UUID.randomUUID();
        String id = Api.asAdmin().contentType("application/json")
                .body(ninjs(uri, "The council met on Monday. It approved the budget. Residents welcomed the decision."))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        Api.asAdmin().contentType("application/json").body("{\"targets\":[\"es\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202);
        JsonPath v1 = awaitVersion(id, 1);
        assertEquals("ES The council met on Monday. ES It approved the budget. ES Residents welcomed the decision.",
                v1.getString("blocks[0].text"));
        int before = DeeplStub.server.findAll(postRequestedFor(urlEqualTo("/v2/translate"))).size();

        Api.asAdmin().contentType("application/json")
                .body(ninjs(uri, "The council met on Monday. It approved the new budget. Residents welcomed the decision."))
                .post("/api/v1/articles").then().statusCode(201).body("version", org.hamcrest.Matchers.is(2));
        JsonPath v2 = awaitVersion(id, 2);
        assertEquals("ES The council met on Monday. ES It approved the new budget. ES Residents welcomed the decision.",
                v2.getString("blocks[0].text"));
        var requests = DeeplStub.server.findAll(postRequestedFor(urlEqualTo("/v2/translate")));
        assertEquals(before + 1, requests.size(), "one request for the correction");
        JsonPath sent = new JsonPath(requests.get(requests.size() - 1).getBodyAsString());
        assertEquals(java.util.List.of("It approved the new budget."), sent.getList("text"),
                "only the changed sentence went to DeepL");
    }

    private static JsonPath awaitVersion(String id, int version) {
        // the stub's "ES <English>" output is rightly flagged (wrong output language), so review counts as done
        return Api.awaitTranslation(id, "es", t -> t.getInt("sourceVersion") == version
                && (t.getString("status").equals("translated") || t.getString("status").equals("review")));
    }

    @Test
    @Order(5)
    @NeedsEngine
    void anExhaustedQuotaFallsBackToTheLocalEngineAndDeeplRests() throws Exception {
        DeeplStub.server.stubFor(post("/v2/translate").withRequestBody(containing("Snow closes"))
                .willReturn(aResponse().withStatus(456).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Quota exceeded. The character limit has been reached.\"}")));
        JsonPath first = translate("Snow closes the Salang pass", "Snow closed the pass on Sunday.");
        assertEquals("translated", first.getString("status"), first.prettify());
        assertEquals("apertium", first.getString("provider"), "fell back after DeepL's 456");
        int calls = DeeplStub.server.findAll(postRequestedFor(urlEqualTo("/v2/translate"))).size();
        JsonPath second = translate("Snow closes more roads", "More roads closed on Monday.");
        assertEquals("apertium", second.getString("provider"));
        assertEquals(calls, DeeplStub.server.findAll(postRequestedFor(urlEqualTo("/v2/translate"))).size(),
                "DeepL is not asked again while its quota is spent");
        Api.asAdmin().get("/api/v1/providers").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.contains("deepl", "apertium"))
                .body("find { it.name == 'deepl' }.restingUntil", org.hamcrest.Matchers.notNullValue())
                .body("find { it.name == 'deepl' }.selfHosted", org.hamcrest.Matchers.is(false))
                .body("find { it.name == 'deepl' }.pairs", org.hamcrest.Matchers.hasItem("en>es"))
                .body("find { it.name == 'deepl' }.charactersThisMonth", org.hamcrest.Matchers.greaterThan(0))
                .body("find { it.name == 'apertium' }.health", org.hamcrest.Matchers.is("up"))
                .body("find { it.name == 'apertium' }.restingUntil", org.hamcrest.Matchers.nullValue());
    }

    @Test
    @Order(4)
    void theGlossaryGoesToDeeplAsADeeplGlossaryAndIsCheckedOnTheWayBack() throws Exception {
        String kabul = Api.asAdmin().contentType("application/json")
                .body("{\"term\":\"Kabul\",\"translation\":\"Kaboul\"}")
                .post("/api/v1/glossaries/en/fr/terms").then().statusCode(201).extract().path("id");
        String salang = Api.asAdmin().contentType("application/json").body("{\"term\":\"Salang\"}")
                .post("/api/v1/glossaries/en/fr/terms").then().statusCode(201).extract().path("id");
        try {
            int version = Api.asAdmin().get("/api/v1/glossaries/en/fr").then().extract().path("version");
            String name = "lingowire-en-fr-v" + version;
            DeeplStub.server.stubFor(get(urlEqualTo("/v2/glossaries"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"glossaries\":[]}")));
            DeeplStub.server.stubFor(post(urlEqualTo("/v2/glossaries"))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"glossary_id\":\"9f3c7d2e-fr\",\"name\":\"" + name + "\",\"ready\":true,"
                                    + "\"source_lang\":\"en\",\"target_lang\":\"fr\","
                                    + "\"creation_time\":\"2026-11-29T04:00:00.000Z\",\"entry_count\":2}")));
            answerTo("Salang pass reopens", "Kaboul : le col de Salang rouvre",
                    "Le col de Salang a rouvert lundi au nord de Kaboul, selon les autorités.");
            JsonPath fr = Api.translateArticle("Kabul: the Salang pass reopens",
                    "The Salang pass reopened on Monday north of Kabul, officials said.", "fr");
            assertEquals("translated", fr.getString("status"), fr.prettify());
            assertEquals("Le col de Salang a rouvert lundi au nord de Kaboul, selon les autorités.",
                    fr.getString("blocks[0].text"));
            DeeplStub.server.verify(1, postRequestedFor(urlEqualTo("/v2/glossaries"))
                    .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                    .withRequestBody(matchingJsonPath("$.source_lang", equalTo("en")))
                    .withRequestBody(matchingJsonPath("$.target_lang", equalTo("fr")))
                    .withRequestBody(matchingJsonPath("$.entries_format", equalTo("tsv")))
                    .withRequestBody(matchingJsonPath("$.entries", containing("Kabul\tKaboul\n")))
                    .withRequestBody(matchingJsonPath("$.entries", containing("Salang\tSalang\n"))));
            // the terms reach DeepL as words, not placeholders, with the glossary named beside them
            DeeplStub.server.verify(postRequestedFor(urlEqualTo("/v2/translate"))
                    .withRequestBody(matchingJsonPath("$.glossary_id", equalTo("9f3c7d2e-fr")))
                    .withRequestBody(matchingJsonPath("$.text[0]", equalTo("Kabul: the Salang pass reopens"))));

            // an engine that ignores the glossary: the translation waits for an editor
            answerTo("Traffic returns", "La circulation revient à Kabul",
                    "Les camions ont repris la route du col lundi matin, selon les chauffeurs.");
            JsonPath ignored = Api.translateArticle("Traffic returns to Kabul",
                    "Trucks took the road over the pass again on Monday morning, drivers said.", "fr");
            assertEquals("review", ignored.getString("status"), ignored.prettify());
            assertTrue(ignored.getList("flags", String.class).contains(
                            "glossary term \"Kabul\" not rendered as \"Kaboul\" in: Traffic returns to Kabul"),
                    ignored.getList("flags").toString());
            DeeplStub.server.verify(1, postRequestedFor(urlEqualTo("/v2/glossaries")));
        } finally {
            Api.asAdmin().delete("/api/v1/glossaries/en/fr/terms/" + kabul).then().statusCode(204);
            Api.asAdmin().delete("/api/v1/glossaries/en/fr/terms/" + salang).then().statusCode(204);
        }
    }
}
