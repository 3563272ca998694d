package io.lingowire.ingest.poll;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** An in-process HTTP server that plays a news site's RSS endpoint. */
public class FeedStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of(
                "lingowire.feeds.sources.khaama.url", base + "/feed.xml",
                "lingowire.feeds.sources.khaama.interval", "1h",
                "lingowire.feeds.sources.moved.url", base + "/moved.xml",
                "lingowire.feeds.first-tick-delay", "1h");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
