package io.lingowire.translation.provider.libretranslate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

/** The LibreTranslate provider against a stub of LibreTranslate 1.9 ({@code app.py}, PROVIDERS.md): {"error"} bodies. */
class LibreTranslateProviderTest {

    @RegisterExtension
    static final WireMockExtension libre = wireMock();

    private static final String KEY = "5c1b1c2e-libre-key";

    record Config(Optional<String> url, Optional<String> apiKey, OptionalInt batchLimit, Duration timeout,
                  Duration pairsTtl) implements LibreTranslateConfig {
    }

    private static LibreTranslateProvider provider(OptionalInt batchLimit) {
        return new LibreTranslateProvider(new Config(Optional.of(libre.baseUrl()), Optional.of(KEY), batchLimit,
                TIMEOUT, Duration.ofMinutes(10)), Clock.systemUTC());
    }

    private static LibreTranslateProvider provider() {
        return provider(OptionalInt.empty());
    }

    private static String error(String message) {
        return toJson(Map.of("error", message));
    }

    @Test
    void translatesABatchAsHtmlWithTheKeyInTheBody() throws Exception {
        libre.stubFor(post("/translate").willReturn(json(200, toJson(Map.of("translatedText", TRANSLATED)))));
        assertTrue(provider().selfHosted());
        assertEquals(TRANSLATED, provider().translate(EN_ES, SEGMENTS));
        libre.verify(postRequestedFor(urlEqualTo("/translate"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(toJson(Map.of("q", SEGMENTS, "source", "en", "target", "es",
                        "format", "html", "api_key", KEY)))));
    }

    @Test
    void respectsTheServersBatchLimitAndReadsASingleTextAnswer() throws Exception {
        libre.stubFor(post("/translate").withRequestBody(matchingJsonPath("$.q.length()", equalTo("2")))
                .willReturn(json(200, toJson(Map.of("translatedText", TRANSLATED.subList(0, 2))))));
        // the string-or-array duality: a server may answer one text with a plain string
        libre.stubFor(post("/translate").withRequestBody(matchingJsonPath("$.q.length()", equalTo("1")))
                .willReturn(json(200, toJson(Map.of("translatedText", TRANSLATED.get(2))))));
        assertEquals(TRANSLATED, provider(OptionalInt.of(2)).translate(EN_ES, SEGMENTS));
        libre.verify(2, postRequestedFor(urlEqualTo("/translate")));
        libre.verify(postRequestedFor(urlEqualTo("/translate"))
                .withRequestBody(matchingJsonPath("$.q[0]", equalTo(SEGMENTS.get(2)))));
    }

    @Test
    void pairsComeFromEachLanguagesTargets() {
        libre.stubFor(get("/languages").willReturn(json(200, "[{\"code\":\"en\",\"name\":\"English\","
                + "\"targets\":[\"ar\",\"en\",\"es\"]},{\"code\":\"es\",\"name\":\"Spanish\",\"targets\":[\"en\",\"es\"]},"
                + "{\"code\":\"zh-Hans\",\"name\":\"Chinese\",\"targets\":[\"en\"]}]")));
        Set<LanguagePair> pairs = provider().pairs();
        assertEquals(Set.of(new LanguagePair("en", "ar"), EN_ES, new LanguagePair("es", "en"),
                new LanguagePair("zh", "en")), pairs);
        assertFalse(pairs.contains(new LanguagePair("ar", "en")));
        libre.verify(getRequestedFor(urlEqualTo("/languages")));
    }

    @Test
    void slowdownRestsForRetryAfterOrTheLimitersWindow() {
        libre.stubFor(post("/translate").willReturn(json(429, error("Slowdown: 20 per 1 minute"))
                .withHeader("Retry-After", "12")));
        ProviderException e = fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        assertEquals(Duration.ofSeconds(12), e.retryAfter);

        libre.stubFor(post("/translate").willReturn(json(429, error("Slowdown: 20 per 1 minute"))));
        e = fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        assertEquals(Duration.ofMinutes(1), e.retryAfter);

        libre.stubFor(post("/translate").willReturn(json(403, error("Too many request limits violations"))));
        fails(ProviderException.Kind.RATE_LIMITED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void aDailyRequestLimitIsTheQuotaForADay() {
        libre.stubFor(post("/translate").willReturn(json(429, error("Slowdown: 1000 per 1 day"))));
        ProviderException e = fails(ProviderException.Kind.QUOTA_EXHAUSTED,
                () -> provider().translate(EN_ES, SEGMENTS), KEY);
        assertEquals(Duration.ofDays(1), e.retryAfter);
    }

    @Test
    void aMissingOrBadKeyIsRejectedWithoutShowingIt() {
        libre.stubFor(post("/translate").willReturn(json(403, error("Invalid API key"))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        libre.stubFor(post("/translate").willReturn(json(400,
                error("Please contact the server operator to get an API key"))));
        fails(ProviderException.Kind.REJECTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void anUninstalledLanguageIsUnsupportedAndAFailedTranslationTransient() {
        libre.stubFor(post("/translate").willReturn(json(400, error("es is not supported"))));
        fails(ProviderException.Kind.UNSUPPORTED, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        libre.stubFor(post("/translate").willReturn(json(500, error("Cannot translate text: out of memory"))));
        fails(ProviderException.Kind.TRANSIENT, () -> provider().translate(EN_ES, SEGMENTS), KEY);
        libre.stubFor(post("/translate").willReturn(json(200, "{}")));
        fails(ProviderException.Kind.TRANSIENT, () -> provider().translate(EN_ES, SEGMENTS), KEY);
    }

    @Test
    void aMissingUrlStopsTheStartUpNamingTheVariable() {
        LibreTranslateProvider unconfigured = new LibreTranslateProvider(new Config(Optional.empty(), Optional.empty(),
                OptionalInt.empty(), TIMEOUT, Duration.ofMinutes(10)), Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class, unconfigured::checkConfigured);
        assertTrue(e.getMessage().contains("LINGOWIRE_PROVIDERS_LIBRETRANSLATE_URL"), e.getMessage());
    }
}
