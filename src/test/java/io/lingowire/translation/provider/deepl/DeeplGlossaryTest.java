package io.lingowire.translation.provider.deepl;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.Terminology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.EN_ES;
import static io.lingowire.translation.provider.ProviderTesting.SEGMENTS;
import static io.lingowire.translation.provider.ProviderTesting.TIMEOUT;
import static io.lingowire.translation.provider.ProviderTesting.TRANSLATED;
import static io.lingowire.translation.provider.ProviderTesting.json;
import static io.lingowire.translation.provider.ProviderTesting.toJson;
import static io.lingowire.translation.provider.ProviderTesting.wireMock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepL glossaries against a stub of the v2 glossary endpoints (DeepL's OpenAPI file, PROVIDERS.md): which pairs
 * have them, one glossary per version made once and named in every translation, another replica's glossary reused,
 * outdated versions deleted and foreign glossaries left alone.
 */
class DeeplGlossaryTest {

    @RegisterExtension
    static final WireMockExtension deepl = wireMock();

    private static final Terminology TERMS = new Terminology(3, new TreeMap<>(Map.of(
            "Kabul", "Kabul", "market", "mercado")));

    record Config(Optional<String> apiKey, Optional<String> url, Duration timeout, Duration pairsTtl)
            implements DeeplConfig {
    }

    private DeeplProvider provider;

    @BeforeEach
    void stubs() {
        provider = new DeeplProvider(new Config(Optional.of("glossary-key:fx"), Optional.of(deepl.baseUrl()), TIMEOUT,
                Duration.ofHours(1)), Clock.systemUTC());
        deepl.stubFor(get(urlEqualTo("/v2/glossary-language-pairs")).willReturn(json(200,
                "{\"supported_languages\":[{\"source_lang\":\"en\",\"target_lang\":\"es\"},"
                        + "{\"source_lang\":\"en\",\"target_lang\":\"de\"}]}")));
        deepl.stubFor(post(urlEqualTo("/v2/translate")).willReturn(json(200, toJson(Map.of("translations",
                TRANSLATED.stream().map(t -> Map.of("detected_source_language", "EN", "text", t)).toList())))));
        deepl.stubFor(delete(urlEqualTo("/v2/glossaries/g-1")).willReturn(json(204, "")));
    }

    private static String glossary(String id, String name, int entries) {
        return toJson(Map.of("glossary_id", id, "name", name, "ready", true, "source_lang", "en",
                "target_lang", "es", "creation_time", "2026-11-01T10:00:00.000Z", "entry_count", entries));
    }

    @Test
    void saysWhichPairsHaveGlossaries() {
        assertTrue(provider.nativeGlossary(EN_ES));
        assertFalse(provider.nativeGlossary(new LanguagePair("es", "en")), "DeepL lists no es>en glossaries here");
    }

    @Test
    void createsEachVersionOnceNamesItInEveryRequestAndDeletesOutdatedOnes() throws Exception {
        deepl.stubFor(get(urlEqualTo("/v2/glossaries")).willReturn(json(200, "{\"glossaries\":["
                + glossary("g-1", "lingowire-en-es-v1", 1) + "," + glossary("g-2", "lingowire-en-es-v2", 2) + ","
                + glossary("g-x", "newsroom-terms", 40) + "]}")));
        deepl.stubFor(post(urlEqualTo("/v2/glossaries")).willReturn(json(201,
                glossary("g-3", "lingowire-en-es-v3", 2))));

        assertEquals(TRANSLATED, provider.translate(EN_ES, SEGMENTS, TERMS));
        assertEquals(TRANSLATED, provider.translate(EN_ES, SEGMENTS, TERMS));

        deepl.verify(1, postRequestedFor(urlEqualTo("/v2/glossaries"))
                .withHeader("Authorization", equalTo("DeepL-Auth-Key glossary-key:fx"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("lingowire-en-es-v3")))
                .withRequestBody(matchingJsonPath("$.source_lang", equalTo("en")))
                .withRequestBody(matchingJsonPath("$.target_lang", equalTo("es")))
                .withRequestBody(matchingJsonPath("$.entries_format", equalTo("tsv")))
                .withRequestBody(matchingJsonPath("$.entries", equalTo("Kabul\tKabul\nmarket\tmercado\n"))));
        deepl.verify(2, postRequestedFor(urlEqualTo("/v2/translate"))
                .withRequestBody(matchingJsonPath("$.glossary_id", equalTo("g-3")))
                .withRequestBody(matchingJsonPath("$.text[0]", equalTo(SEGMENTS.get(0)))));
        deepl.verify(1, deleteRequestedFor(urlEqualTo("/v2/glossaries/g-1")));
        deepl.verify(0, deleteRequestedFor(urlEqualTo("/v2/glossaries/g-2")));
        deepl.verify(0, deleteRequestedFor(urlEqualTo("/v2/glossaries/g-x")));
    }

    @Test
    void reusesTheGlossaryAnotherReplicaMade() throws Exception {
        deepl.stubFor(get(urlEqualTo("/v2/glossaries")).willReturn(json(200, "{\"glossaries\":["
                + glossary("g-3", "lingowire-en-es-v3", 2) + "]}")));
        assertEquals(TRANSLATED, provider.translate(EN_ES, SEGMENTS, TERMS));
        deepl.verify(0, postRequestedFor(urlEqualTo("/v2/glossaries")));
        deepl.verify(postRequestedFor(urlEqualTo("/v2/translate"))
                .withRequestBody(matchingJsonPath("$.glossary_id", equalTo("g-3"))));
    }

    @Test
    void withoutTermsNoGlossaryIsMadeOrNamed() throws Exception {
        assertEquals(TRANSLATED, provider.translate(EN_ES, SEGMENTS, Terminology.NONE));
        assertEquals(List.of(), deepl.findAll(postRequestedFor(urlEqualTo("/v2/glossaries"))));
        assertFalse(deepl.findAll(postRequestedFor(urlEqualTo("/v2/translate"))).get(0).getBodyAsString()
                .contains("glossary_id"));
    }
}
