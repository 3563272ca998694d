package io.lingowire.translation.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.lingowire.translation.provider.ProviderTesting.json;

/**
 * In-process Google Cloud Translation v3 and Azure Translator v3.0 on one port (their paths do not meet), each
 * reporting English and Spanish, wired in as the chain {@code google,azure}.
 */
public class GoogleAzureStub implements QuarkusTestResourceLifecycleManager {

    public static final String GOOGLE_PARENT = "/v3/projects/wire-desk/locations/global";
    public static final String GOOGLE_TOKEN = "ya29.chain-test-token";
    public static final String AZURE_KEY = "chain-test-azure-key";
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(GOOGLE_PARENT + "/supportedLanguages").willReturn(json(200, "{\"languages\":["
                + "{\"languageCode\":\"en\",\"supportSource\":true,\"supportTarget\":true},"
                + "{\"languageCode\":\"es\",\"supportSource\":true,\"supportTarget\":true}]}")));
        server.stubFor(get(urlPathEqualTo("/languages")).willReturn(json(200, "{\"translation\":{"
                + "\"en\":{\"name\":\"English\",\"nativeName\":\"English\",\"dir\":\"ltr\"},"
                + "\"es\":{\"name\":\"Spanish\",\"nativeName\":\"Español\",\"dir\":\"ltr\"}}}")));
        String url = "http://localhost:" + server.port();
        return Map.of("lingowire.translation.providers", "google,azure",
                "lingowire.providers.google.url", url,
                "lingowire.providers.google.access-token", GOOGLE_TOKEN,
                "lingowire.providers.google.project", "wire-desk",
                "lingowire.providers.azure.url", url,
                "lingowire.providers.azure.key", AZURE_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
