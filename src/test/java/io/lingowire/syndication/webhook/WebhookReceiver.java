package io.lingowire.syndication.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * An in-process webhook receiver on a dynamic port, with the gateway allowed to call localhost and set to retry
 * within seconds instead of hours.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        server.start();
        return Map.of(
                "lingowire.webhooks.allowed-hosts", "localhost,127.0.0.1",
                "lingowire.webhooks.retry-schedule", "0s,1s,1s",
                "lingowire.webhooks.gap-wait", "2s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static String url(String path) {
        return "http://localhost:" + server.port() + path;
    }
}
