package io.lingowire.translation.provider.modernmt;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.EN_ES;
import static io.lingowire.translation.provider.ProviderTesting.SEGMENTS;
import static io.lingowire.translation.provider.ProviderTesting.TIMEOUT;
import static io.lingowire.translation.provider.ProviderTesting.TRANSLATED;
import static io.lingowire.translation.provider.ProviderTesting.fails;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;
import static io.lingowire.translation.provider.ProviderTesting.wireMock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ModernMT provider against a stub of the API as ModernMT's Java client speaks it (PROVIDERS.md): POST with
 * {@code X-HTTP-Method-Override: GET}, the {@code status} mirrored in the envelope.
 */
class ModernMtProviderTest {

    @RegisterExtension
    static final WireMockExtension mmt = wireMock();

    private static final String KEY = "MMT-TEST-KEY-0000";

    record Config(Optional<String> apiKey, Optional<String> url, Duration timeout, Duration pairsTtl)
            implements ModernMtConfig {
    }

    private static ModernMtProvider provider() {
        return new ModernMtProvider(new Config(Optional.of(KEY), Optional.of(mmt.baseUrl()), TIMEOUT, Duration.ofHours(1)),
                Clock.systemUTC());
    }

    private static String error(int status, String type, String message) {
        return toJson(Map.of("status", status, "error", Map.of("type", type, "message", message)));
    }

    @Test
    void translatesABatchAsXmlThroughTheMethodOverride() throws Exception {
        mmt.stubFor(post("/translate").willReturn(json(200, toJson(Map.of("status", 200, "data", TRANSLATED.stream()
                .map(t -> Map.of("translation", t, "billedCharacters", 40, "characters", 40, "billed", true))
                .toList())))));
        assertEquals(TRANSLATED, provider().translate(EN_ES, SEGMENTS));
        mmt.verify(postRequestedFor(urlEqualTo("/translate"))
                .withHeader("X-HTTP-Method-Override", equalTo("GET"))
                .withHeader("MMT-ApiKey", equalTo(KEY))
                .withHeader("MMT-Platform", equalTo("lingowire"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(toJson(Map.of("source", "en", "target", "es", "q", SEGMENTS,
                        "format", "text/xml")))));
    }

    @Test
    void sendsAtMost128TextsARequest() throws Exception {
        mmt.stubFor(post("/translate").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":200,\"data\":[{{#each (jsonPath request.body '$.q') as |t|}}"
                        + "{{#unless @first}},{{/unless}}{\"translation\":\"ES {{{t}}}\"}{{/each}}]}")
                .withTransformers("response-template")));
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            segments.add("Sentence " + i);
        }
        assertEquals(segments.stream().map(s -> "ES " + s).toList(), provider().translate(EN_ES, segments));
        mmt.verify(postRequestedFor(urlEqualTo("/translate")).withRequestBody(matchingJsonPath("$.q.length()",
                equalTo("128"))));
        mmt.verify(postRequestedFor(urlEqualTo("/translate")).withRequestBody(matchingJsonPath("$.q.length()",
                equalTo("2"))));
    }

    @Test
    void pairsComeFromTheLanguageList() {
        mmt.stubFor(post("/translate/languages").willReturn(json(200, "{\"status\":200,\"data\":[\"en\",\"es\",\"pt-BR\"]}")));
        Set<LanguagePair> pairs = provider().pairs();
        assertEquals(Set.of(EN_ES, new LanguagePair("es", "en"), new LanguagePair("en", "pt"), new LanguagePair("pt", "en"),
                new LanguagePair("es", "pt"), new LanguagePair("pt", "es")), pairs);
        mmt.verify(postRequestedFor(urlEqualTo("/translate/languages"))
                .withHeader("X-HTTP-Method-Override", equalTo("GET")).withHeader("MMT-ApiKey", equalTo(KEY)));
    }

    @Test
    void tooManyRequestsSlowsDownForRetryAfter() {
        mmt.stubFor(post("/translate").willReturn(json(429, error(429, "TooManyRequestsException",
                "Too many requests")).withHeader("Retry-After", "8")));
        ProviderException e = fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        assertEquals(Duration.ofSeconds(8), e.retryAfter);
    }

    @Test
    void anExhaustedPlanIsTheQuota() {
        mmt.stubFor(post("/translate").willReturn(json(402, error(402, "QuotaExceededException",
                "Monthly character quota exceeded"))));
        fails(ProviderException.Kind.QUOTA_EXHAUSTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void aBadKeyIsRejectedEvenWhenOnlyTheEnvelopeSaysSo() {
        mmt.stubFor(post("/translate").willReturn(json(401, error(401, "AuthenticationException", "Invalid API key"))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        // the client trusts the envelope's status, not the HTTP one
        mmt.stubFor(post("/translate").willReturn(json(200, error(401, "AuthenticationException", "Invalid API key"))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void serverErrorsAreTransient() {
        mmt.stubFor(post("/translate").willReturn(json(503, error(503, "ServiceUnavailableException", "Try again"))));
        fails(ProviderException.Kind.TRANSIENT, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void aMissingKeyStopsTheStartUpNamingTheVariable() {
        ModernMtProvider unconfigured = new ModernMtProvider(new Config(Optional.empty(), Optional.empty(), TIMEOUT,
                Duration.ofHours(1)), Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class, unconfigured::checkConfigured);
        assertTrue(e.getMessage().contains("LINGOWIRE_PROVIDERS_MODERNMT_API_KEY"), e.getMessage());
    }
}
