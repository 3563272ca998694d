package io.lingowire.translation;

import io.lingowire.support.Engine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Runs a real Apertium APy server on a free loopback port for the tests of the APy provider. */
public class ApyServer implements QuarkusTestResourceLifecycleManager {

    static final Path BINARY = Engine.APY;
    static Process process;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        if (Files.isExecutable(BINARY)) {
            try {
                process = new ProcessBuilder(BINARY.toString(), "-p", String.valueOf(port), "/usr/share/apertium/modes")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                awaitUp(url);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start apertium-apy", e);
            }
        }
        return Map.of("lingowire.providers.apertium-apy.url", url,
                "lingowire.translation.providers", "apertium-apy,apertium");
    }

    static void stopServer() {
        if (process != null) {
            // the server forks its translation pipelines; take them down with it
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        stopServer();
    }

    private static void awaitUp(String url) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await("apertium-apy to answer at " + url).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250)).until(() -> listPairs(http, url) == 200);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("apertium-apy did not answer within 30 s", e);
        }
    }

    /** The status of {@code GET /listPairs}; 0 while nothing listens yet. */
    private static int listPairs(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/listPairs")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
