package io.lingowire.translation.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the provider tests share: an in-process WireMock per test class, the segments as the translation service
 * sends them (placeholders, XML-escaped text) with their Spanish answers, JSON bodies, and the check that a failure
 * has the right kind and shows no credential.
 */
public final class ProviderTesting {

    public static final LanguagePair EN_ES = new LanguagePair("en", "es");
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    public static final List<String> SEGMENTS = List.of(
            "Kabul market reopens",
            "The market reopened on Monday with <ph id=\"1\"/> shops.",
            "Prices rose <ph id=\"1\"/> percent in <ph id=\"2\"/> weeks &amp; more.");
    public static final List<String> TRANSLATED = List.of(
            "Reabre el mercado de Kabul",
            "El mercado reabrió el lunes con <ph id=\"1\"/> tiendas.",
            "Los precios subieron <ph id=\"1\"/> por ciento en <ph id=\"2\"/> semanas &amp; más.");

    private ProviderTesting() {
    }

    /** An in-process stub on a free port, its stubs and journal reset before each test. */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    }

    /** A JSON answer with the given status. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Any value as JSON (Jackson), so that quotes in segments are escaped as a real client escapes them. */
    public static String toJson(Object value) {
        try {
            return HttpProviders.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Runs a provider call that must fail with {@code kind}; no secret may appear in the message. */
    public static ProviderException fails(ProviderException.Kind kind, Executable call, String... secrets) {
        ProviderException e = assertThrows(ProviderException.class, call);
        assertEquals(kind, e.kind, e.getMessage());
        for (String secret : secrets) {
            assertFalse(e.getMessage().contains(secret), "a credential leaked into: " + e.getMessage());
        }
        return e;
    }
}
