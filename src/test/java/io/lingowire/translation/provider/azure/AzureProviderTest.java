package io.lingowire.translation.provider.azure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.EN_ES;
import static io.lingowire.translation.provider.ProviderTesting.SEGMENTS;
import static io.lingowire.translation.provider.ProviderTesting.TIMEOUT;
import static io.lingowire.translation.provider.ProviderTesting.TRANSLATED;
import static io.lingowire.translation.provider.ProviderTesting.fails;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;
import static io.lingowire.translation.provider.ProviderTesting.wireMock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Azure provider against a stub of Translator v3.0 (reference pages, PROVIDERS.md): BOM, six-digit codes. */
class AzureProviderTest {

    @RegisterExtension
    static final WireMockExtension azure = wireMock();

    private static final String KEY = "0123456789abcdef-azure-key";

    record Config(Optional<String> key, Optional<String> region, Optional<String> url, Duration timeout,
                  Duration pairsTtl) implements AzureConfig {
    }

    private static AzureProvider provider(Optional<String> region) {
        return new AzureProvider(new Config(Optional.of(KEY), region, Optional.of(azure.baseUrl()), TIMEOUT,
                Duration.ofHours(1)), Clock.systemUTC());
    }

    private static AzureProvider provider() {
        return provider(Optional.of("westeurope"));
    }

    private static String error(int code, String message) {
        return toJson(Map.of("error", Map.of("code", code, "message", message)));
    }

    @Test
    void translatesABatchAsHtmlAndReadsPastTheByteOrderMark() throws Exception {
        String answer = toJson(TRANSLATED.stream()
                .map(t -> Map.of("translations", List.of(Map.of("text", t, "to", "es")))).toList());
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(200, "\uFEFF" + answer)
                .withHeader("X-RequestId", "req-1").withHeader("X-metered-usage", "140")));
        assertEquals(TRANSLATED, provider().translate(EN_ES, SEGMENTS));
        azure.verify(postRequestedFor(urlPathEqualTo("/translate"))
                .withQueryParam("api-version", equalTo("3.0"))
                .withQueryParam("from", equalTo("en"))
                .withQueryParam("to", equalTo("es"))
                .withQueryParam("textType", equalTo("html"))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(KEY))
                .withHeader("Ocp-Apim-Subscription-Region", equalTo("westeurope"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("X-ClientTraceId", matching("[0-9a-f-]{36}"))
                .withRequestBody(equalToJson(toJson(SEGMENTS.stream().map(s -> Map.of("Text", s)).toList()))));
    }

    @Test
    void theRegionHeaderIsLeftOutForAGlobalResource() throws Exception {
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(200,
                "[{\"translations\":[{\"text\":\"Hola\",\"to\":\"es\"}]}]")));
        assertEquals(List.of("Hola"), provider(Optional.empty()).translate(EN_ES, List.of("Hello")));
        azure.verify(postRequestedFor(urlPathEqualTo("/translate")).withHeader("Ocp-Apim-Subscription-Region", absent()));
    }

    @Test
    void pairsComeFromTheTranslationScopeOfLanguages() {
        azure.stubFor(get(urlPathEqualTo("/languages")).willReturn(json(200, "\uFEFF{\"translation\":{"
                + "\"en\":{\"name\":\"English\",\"nativeName\":\"English\",\"dir\":\"ltr\"},"
                + "\"es\":{\"name\":\"Spanish\",\"nativeName\":\"Español\",\"dir\":\"ltr\"},"
                + "\"zh-Hans\":{\"name\":\"Chinese Simplified\",\"nativeName\":\"中文 (简体)\",\"dir\":\"ltr\"}}}")));
        Set<LanguagePair> pairs = provider().pairs();
        assertEquals(Set.of(EN_ES, new LanguagePair("es", "en"), new LanguagePair("en", "zh"),
                new LanguagePair("zh", "en"), new LanguagePair("es", "zh"), new LanguagePair("zh", "es")), pairs);
        azure.verify(getRequestedFor(urlPathEqualTo("/languages")).withQueryParam("api-version", equalTo("3.0"))
                .withQueryParam("scope", equalTo("translation")).withHeader("Ocp-Apim-Subscription-Key", absent()));
    }

    @Test
    void requestLimitsSlowDownForRetryAfter() {
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(429, error(429001,
                "The server rejected the request because the client has exceeded request limits."))
                .withHeader("Retry-After", "42")));
        ProviderException e = fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        assertEquals(Duration.ofSeconds(42), e.retryAfter);
    }

    @Test
    void theFreeQuotaIsExhaustedOn403001() {
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(403, error(403001,
                "The operation is not allowed because the subscription has exceeded its free quota."))));
        ProviderException e = fails(ProviderException.Kind.QUOTA_EXHAUSTED,
                () -> provider().translate(EN_ES, SEGMENTS), KEY);
        assertNull(e.retryAfter, "the free quota is monthly");
    }

    @Test
    void aBadKeyIsRejectedWithoutShowingIt() {
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(401, error(401000,
                "The request is not authorized because credentials are missing or invalid."))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void anUnknownTargetIsUnsupportedAndServerErrorsAreTransient() {
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(400, error(400036,
                "The target language is not valid."))));
        fails(ProviderException.Kind.UNSUPPORTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(503, error(503000,
                "The service is temporarily unavailable. Try again."))));
        fails(ProviderException.Kind.TRANSIENT, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void aMissingKeyStopsTheStartUpNamingTheVariable() {
        AzureProvider unconfigured = new AzureProvider(new Config(Optional.empty(), Optional.empty(), Optional.empty(),
                TIMEOUT, Duration.ofHours(1)), Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class, unconfigured::checkConfigured);
        assertTrue(e.getMessage().contains("LINGOWIRE_PROVIDERS_AZURE_KEY"), e.getMessage());
    }

    @Test
    void theGlossaryGoesAsDynamicDictionaryMarkupWhenEnglishIsOneSide() throws Exception {
        assertTrue(provider().nativeGlossary(EN_ES));
        assertTrue(provider().nativeGlossary(new LanguagePair("es", "en")));
        assertFalse(provider().nativeGlossary(new LanguagePair("es", "fr")), "Azure wants English on one side");
        azure.stubFor(post(urlPathEqualTo("/translate")).willReturn(json(200,
                "[{\"translations\":[{\"text\":\"Reabre el mercado de Kabul\",\"to\":\"es\"}]}]")));
        Terminology terms = new Terminology(2, Map.of("Kabul", "Kabul", "market", "mercado"));
        assertEquals(List.of("Reabre el mercado de Kabul"),
                provider().translate(EN_ES, List.of("Kabul market reopens"), terms));
        azure.verify(postRequestedFor(urlPathEqualTo("/translate")).withQueryParam("from", equalTo("en"))
                .withRequestBody(equalToJson(toJson(List.of(Map.of("Text",
                        "<mstrans:dictionary translation=\"Kabul\">Kabul</mstrans:dictionary> "
                                + "<mstrans:dictionary translation=\"mercado\">market</mstrans:dictionary> reopens"))))));
    }

    @Test
    void dictionaryMarkupLeavesPlaceholdersAloneAndPrefersTheLongerTerm() {
        Map<String, String> terms = Map.of("Salang", "Salang", "Salang pass", "paso de Salang", "AT&T", "AT&T",
                "ph", "never");
        assertEquals("The <mstrans:dictionary translation=\"paso de Salang\">Salang pass</mstrans:dictionary> and "
                        + "<mstrans:dictionary translation=\"Salang\">Salang</mstrans:dictionary> road, <ph id=\"1\"/> km "
                        + "for <mstrans:dictionary translation=\"AT&amp;T\">AT&amp;T</mstrans:dictionary>; Salangs",
                AzureProvider.dictionaryMarkup("The Salang pass and Salang road, <ph id=\"1\"/> km for AT&amp;T; Salangs",
                        terms));
        assertEquals("<mstrans:dictionary translation=\"&quot;Die Welt&quot;\">Welt</mstrans:dictionary>",
                AzureProvider.dictionaryMarkup("Welt", Map.of("Welt", "\"Die Welt\"")));
    }
}
