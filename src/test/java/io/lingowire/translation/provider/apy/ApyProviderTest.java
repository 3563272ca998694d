package io.lingowire.translation.provider.apy;

import io.lingowire.translation.provider.ApyStub;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.lingowire.translation.provider.ProviderTesting.EN_ES;
import static io.lingowire.translation.provider.ProviderTesting.TIMEOUT;
import static io.lingowire.translation.provider.ProviderTesting.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The APy provider against {@link ApyStub}, which the routing tests use as the self-hosted engine. */
class ApyProviderTest {

    static final ApyStub STUB = new ApyStub();

    record Config(Optional<String> url, Duration timeout, Duration pairsTtl) implements ApyConfig {
    }

    @BeforeAll
    static void start() {
        STUB.start();
    }

    @AfterAll
    static void stop() {
        STUB.stop();
    }

    private static ApyProvider provider() {
        return new ApyProvider(new Config(Optional.of(ApyStub.server.baseUrl()), TIMEOUT, Duration.ofMinutes(10)));
    }

    @Test
    void listsThePlainPairsAndLeavesVariantsOut() {
        ApyProvider apy = provider();
        assertTrue(apy.selfHosted());
        assertEquals(Set.of(EN_ES, new LanguagePair("en", "ca"), new LanguagePair("es", "en")), apy.pairs());
        assertEquals("apertium-apy/eng-cat", apy.model(new LanguagePair("en", "ca")));
    }

    @Test
    void translatesTheFramedBatchKeepingPlaceholdersAndEntities() throws Exception {
        List<String> out = provider().translate(EN_ES, List.of("Storm Zorblat reaches the coast",
                "The storm closed <ph id=\"1\"/> roads &amp; the coast."));
        assertEquals(List.of("Tormenta Zorblat llega a la costa",
                "La tormenta cerró <ph id=\"1\"/> carreteras &amp; la costa."), out);
        assertTrue(ApyStub.requestsMentioning("markUnknown=no") > 0, "the provider asks for unmarked unknown words");
    }

    @Test
    void anUninstalledPairIsUnsupported() {
        fails(ProviderException.Kind.UNSUPPORTED, () -> provider().translate(new LanguagePair("en", "fr"),
                List.of("Storm")));
    }

    @Test
    void theStubAnswersAsApyDoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = ApyStub.server.baseUrl();
        HttpResponse<String> marked = http.send(HttpRequest.newBuilder(URI.create(base
                + "/translate?langpair=eng%7Cspa&q=nothing&q=The+storm+Zorblat%3C%2Fp%3E")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, marked.statusCode());
        assertEquals("{\"responseData\":{\"translatedText\":\"La tormenta *Zorblat<\\/p>\"},\"responseDetails\":null,"
                + "\"responseStatus\":200}", marked.body());
        HttpResponse<String> notInstalled = http.send(HttpRequest.newBuilder(URI.create(base + "/translate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("langpair=eng%7Cfra&q=Storm")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notInstalled.statusCode());
        assertEquals("{\"status\":\"error\",\"code\":400,\"message\":\"Bad Request\","
                + "\"explanation\":\"That pair is not installed\"}", notInstalled.body());
        HttpResponse<String> noText = http.send(HttpRequest.newBuilder(URI.create(base
                + "/translate?langpair=eng%7Cspa")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noText.statusCode());
        assertTrue(noText.body().contains("\"explanation\":\"Missing argument q\""), noText.body());
    }
}
