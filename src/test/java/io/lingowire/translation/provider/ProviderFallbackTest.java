package io.lingowire.translation.provider;

import io.lingowire.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain {@code google,azure} through the API, both engines stubbed in one WireMock: Google renaming a
 * placeholder puts the translation under review, and Google's exhausted daily quota hands the work to Azure.
 */
@QuarkusTest
@QuarkusTestResource(value = GoogleAzureStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderFallbackTest {

    private static final String TRANSLATE_TEXT = GoogleAzureStub.GOOGLE_PARENT + ":translateText";

    @Test
    @Order(1)
    void aRenamedPlaceholderPutsTheTranslationUnderReview() {
        GoogleAzureStub.server.stubFor(post(TRANSLATE_TEXT).withRequestBody(containing("Bread prices"))
                .willReturn(json(200, toJson(Map.of("translations", List.of(
                        Map.of("translatedText", "Suben los precios del pan"),
                        Map.of("translatedText", "Los precios subieron <ph id=\"9\"/> por ciento en <ph id=\"2\"/> semanas.")))))));
        JsonPath es = Api.translateArticle("Bread prices climb", "Prices rose 12 percent in 3 weeks.", "es");
        assertEquals("review", es.getString("status"), es.prettify());
        assertEquals("google", es.getString("provider"));
        List<String> flags = es.getList("flags", String.class);
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("lost \"12\"")), flags.toString());
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("unknown placeholder 9")), flags.toString());
        GoogleAzureStub.server.verify(postRequestedFor(urlPathEqualTo(TRANSLATE_TEXT))
                .withHeader("Authorization", equalTo("Bearer " + GoogleAzureStub.GOOGLE_TOKEN))
                .withRequestBody(containing("<ph id=\\\"1\\\"/> percent in <ph id=\\\"2\\\"/> weeks")));
    }

    @Test
    @Order(2)
    void googlesExhaustedQuotaFallsBackToAzure() {
        GoogleAzureStub.server.stubFor(post(TRANSLATE_TEXT).withRequestBody(containing("Snow closes"))
                .willReturn(json(403, "{\"error\":{\"code\":403,\"message\":\"Daily Limit Exceeded\","
                        + "\"status\":\"PERMISSION_DENIED\"}}")));
        GoogleAzureStub.server.stubFor(post(urlPathEqualTo("/translate")).withRequestBody(containing("Snow closes"))
                .willReturn(json(200, "\uFEFF" + toJson(List.of(
                        Map.of("translations", List.of(Map.of("text", "La nieve cierra el paso de Salang", "to", "es"))),
                        Map.of("translations", List.of(Map.of("text", "La nieve cerró el paso el domingo.", "to", "es"))))))));
        JsonPath es = Api.translateArticle("Snow closes the Salang pass", "Snow closed the pass on Sunday.", "es");
        assertEquals("translated", es.getString("status"), es.prettify());
        assertEquals("azure", es.getString("provider"), "Google's quota is spent, so Azure translated");
        assertEquals("La nieve cierra el paso de Salang", es.getString("title"));
        GoogleAzureStub.server.verify(postRequestedFor(urlPathEqualTo("/translate"))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(GoogleAzureStub.AZURE_KEY)));
        Api.asAdmin().get("/api/v1/providers").then().statusCode(200)
                .body("name", contains("google", "azure"))
                .body("find { it.name == 'google' }.restingUntil", notNullValue())
                .body("find { it.name == 'azure' }.restingUntil", nullValue());
    }
}
