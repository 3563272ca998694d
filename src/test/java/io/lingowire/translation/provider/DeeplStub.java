package io.lingowire.translation.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** In-process DeepL API v2 speaking the wire format of DeepL's OpenAPI file (PROVIDERS.md). */
public class DeeplStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo("/v2/languages?type=source")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"language\":\"EN\",\"name\":\"English\"},{\"language\":\"ES\",\"name\":\"Spanish\"}]")));
        server.stubFor(get(urlEqualTo("/v2/languages?type=target")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"language\":\"EN-GB\",\"name\":\"English (British)\",\"supports_formality\":false},"
                        + "{\"language\":\"ES\",\"name\":\"Spanish\",\"supports_formality\":true},"
                        + "{\"language\":\"FR\",\"name\":\"French\",\"supports_formality\":true}]")));
        // DeepL has glossaries for English to French here, not for English to Spanish
        server.stubFor(get(urlEqualTo("/v2/glossary-language-pairs")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"supported_languages\":[{\"source_lang\":\"en\",\"target_lang\":\"fr\"},"
                        + "{\"source_lang\":\"fr\",\"target_lang\":\"en\"}]}")));
        return Map.of("lingowire.providers.deepl.url", "http://localhost:" + server.port(),
                "lingowire.providers.deepl.api-key", "test-key-0000:fx",
                "lingowire.translation.providers", "deepl,apertium");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
