package io.lingowire.translation.provider.google;

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
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Google provider against a stub of Cloud Translation v3 (translation_service.proto, PROVIDERS.md). */
class GoogleProviderTest {

    @RegisterExtension
    static final WireMockExtension google = wireMock();

    private static final String TOKEN = "ya29.test-access-token";
    private static final String PARENT = "/v3/projects/wire-desk/locations/global";

    record Config(Optional<String> accessToken, Optional<String> project, String location, Optional<String> url,
                  Duration timeout, Duration pairsTtl) implements GoogleConfig {
    }

    private static GoogleProvider provider(Duration timeout) {
        return new GoogleProvider(new Config(Optional.of(TOKEN), Optional.of("wire-desk"), "global",
                Optional.of(google.baseUrl()), timeout, Duration.ofHours(1)), Clock.systemUTC());
    }

    private static GoogleProvider provider() {
        return provider(TIMEOUT);
    }

    private static String answer(List<String> texts) {
        return toJson(Map.of("translations", texts.stream().map(t -> Map.of("translatedText", t)).toList()));
    }

    private static String error(int code, String status, String message) {
        return toJson(Map.of("error", Map.of("code", code, "message", message, "status", status)));
    }

    @Test
    void translatesABatchAsHtmlWithThePlaceholdersKept() throws Exception {
        google.stubFor(post(PARENT + ":translateText").willReturn(json(200, answer(TRANSLATED))));
        assertEquals(TRANSLATED, provider().translate(EN_ES, SEGMENTS));
        google.verify(postRequestedFor(urlEqualTo(PARENT + ":translateText"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(toJson(Map.of("contents", SEGMENTS, "mimeType", "text/html",
                        "sourceLanguageCode", "en", "targetLanguageCode", "es")))));
    }

    @Test
    void splitsAtTheRecommendedRequestSizeSendsRepeatsOnceAndKeepsTheOrder() throws Exception {
        google.stubFor(post(PARENT + ":translateText").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"translations\":[{{#each (jsonPath request.body '$.contents') as |t|}}"
                        + "{{#unless @first}},{{/unless}}{\"translatedText\":\"ES {{{t}}}\"}{{/each}}]}")
                .withTransformers("response-template")));
        List<String> segments = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            segments.add("Paragraph " + i + " " + "word ".repeat(400));
        }
        segments.add(segments.get(0));
        List<String> out = provider().translate(EN_ES, segments);
        assertEquals(segments.stream().map(s -> "ES " + s).toList(), out);
        // 2,010 characters each: two fit under 5,000, the third goes in a second request; the repeat is not sent
        google.verify(2, postRequestedFor(urlEqualTo(PARENT + ":translateText")));
        google.verify(postRequestedFor(urlEqualTo(PARENT + ":translateText"))
                .withRequestBody(matchingJsonPath("$.contents.length()", equalTo("1"))));
    }

    @Test
    void pairsComeFromSupportedLanguages() {
        google.stubFor(get(PARENT + "/supportedLanguages").willReturn(json(200, "{\"languages\":["
                + "{\"languageCode\":\"en\",\"displayName\":\"English\",\"supportSource\":true,\"supportTarget\":true},"
                + "{\"languageCode\":\"es\",\"displayName\":\"Spanish\",\"supportSource\":true,\"supportTarget\":true},"
                + "{\"languageCode\":\"zh-CN\",\"displayName\":\"Chinese\",\"supportSource\":true,\"supportTarget\":true},"
                + "{\"languageCode\":\"ps\",\"displayName\":\"Pashto\",\"supportSource\":false,\"supportTarget\":true}]}")));
        Set<LanguagePair> pairs = provider().pairs();
        assertTrue(pairs.containsAll(Set.of(EN_ES, new LanguagePair("es", "en"), new LanguagePair("en", "zh"),
                new LanguagePair("en", "ps"))), pairs.toString());
        assertFalse(pairs.contains(new LanguagePair("ps", "en")), "Pashto is a target only");
        google.verify(getRequestedFor(urlEqualTo(PARENT + "/supportedLanguages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void resourceExhaustedSlowsDownForRetryAfter() {
        google.stubFor(post(PARENT + ":translateText").willReturn(json(429, error(429, "RESOURCE_EXHAUSTED",
                "Quota exceeded for quota metric 'v2 and v3 general model characters' and limit "
                        + "'v2 and v3 general model characters per minute' of service 'translate.googleapis.com'"))
                .withHeader("Retry-After", "17")));
        ProviderException e = fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), TOKEN);
        assertEquals(Duration.ofSeconds(17), e.retryAfter);

        google.stubFor(post(PARENT + ":translateText").willReturn(json(403, error(403, "PERMISSION_DENIED",
                "User Rate Limit Exceeded"))));
        fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), TOKEN);
    }

    @Test
    void aDailyLimitIsTheQuotaUntilMidnightPacificTime() {
        google.stubFor(post(PARENT + ":translateText").willReturn(json(403, error(403, "PERMISSION_DENIED",
                "Daily Limit Exceeded"))));
        ProviderException e = fails(ProviderException.Kind.QUOTA_EXHAUSTED,
                () -> provider().translate(EN_ES, SEGMENTS), TOKEN);
        assertTrue(e.retryAfter.compareTo(Duration.ZERO) > 0 && e.retryAfter.compareTo(Duration.ofHours(25)) <= 0,
                e.retryAfter.toString());
    }

    @Test
    void aBadTokenIsRejectedWithoutShowingIt() {
        google.stubFor(post(PARENT + ":translateText").willReturn(json(401, error(401, "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token."))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), TOKEN);
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        google.stubFor(post(PARENT + ":translateText").willReturn(json(503, error(503, "UNAVAILABLE",
                "The service is currently unavailable."))));
        fails(ProviderException.Kind.TRANSIENT, () -> provider().translate(EN_ES, SEGMENTS), TOKEN);

        google.stubFor(post(PARENT + ":translateText").willReturn(json(200, answer(TRANSLATED))
                .withFixedDelay(2_000)));
        fails(ProviderException.Kind.TRANSIENT, () -> provider(Duration.ofMillis(300)).translate(EN_ES, SEGMENTS), TOKEN);
    }

    @Test
    void aMissingTokenStopsTheStartUpNamingTheVariable() {
        GoogleProvider unconfigured = new GoogleProvider(new Config(Optional.empty(), Optional.of("wire-desk"), "global",
                Optional.empty(), TIMEOUT, Duration.ofHours(1)), Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class, unconfigured::checkConfigured);
        assertTrue(e.getMessage().contains("LINGOWIRE_PROVIDERS_GOOGLE_ACCESS_TOKEN"), e.getMessage());
    }
}
