package io.lingowire.ops;

import io.lingowire.support.Waiting;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image's runtime contract (src/main/docker/Dockerfile.jvm, k8s/ with readOnlyRootFilesystem), proven without a
 * container engine: the packaged app folder is copied read-only, the jar runs in it as uid 185 with only /tmp and a
 * data directory writable, and it starts, ingests, translates and serves a partner. Afterwards no file of uid 185
 * exists anywhere but in /tmp and the data directory. Needs root (to switch user) and util-linux's setpriv.
 */
class ContainerContractIT {

    private static final String UID = "185";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theJarRunsAsAnUnprivilegedUserInAReadOnlyAppFolder() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv to run the jar as uid 185 (CI runs as root)");
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null,
                "checked once, on the embedded database: the data directory is where it writes");
        Path root = Files.createTempDirectory("lingowire-contract-");
        Path app = root.resolve("deployments");
        Path data = root.resolve("data");
        copy(Path.of("target/quarkus-app"), app);
        readOnly(app);
        Files.createDirectories(data);
        run("chown", UID + ":" + UID, data.toString());
        run("chmod", "0700", data.toString());
        run("chmod", "0755", root.toString());

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "container-contract.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups", "env", "-i", "PATH=/usr/bin:/bin", "HOME=/nonexistent", "LANG=C.UTF-8",
                "LINGOWIRE_DATA_DIR=" + data, "LINGOWIRE_ADMIN_PASSWORD=contract-secret", "QUARKUS_HTTP_PORT=" + port,
                "java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=50", "-jar", "quarkus-run.jar"));
        Process gateway = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(base, gateway, log);
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:contract-secret".getBytes());
            JsonPath partner = new JsonPath(send(base + "/api/v1/partners", auth, "application/json",
                    "{\"name\":\"Contract\",\"languages\":[\"es\"]}", 201));
            String story = "Bridge reopens after repairs\n\n"
                    + "The city council said on Monday that the old bridge had reopened after 14 months of repairs.\n\n"
                    + "Reference " + UUID.randomUUID() + ".";
            String id = new JsonPath(send(base + "/api/v1/articles", auth, "text/plain; charset=utf-8", story, 201))
                    .getString("id");
            if (Files.exists(Path.of("/usr/share/apertium/modes/eng-spa.mode"))) {
                String es = await("the Spanish translation").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> send(base + "/api/v1/articles/" + id + "/translations/es", auth, null, null, 200),
                                Waiting.satisfies(t -> !t.contains("\"queued\"") && !t.contains("\"translating\""),
                                        "a translation no longer queued or translating"));
                assertTrue(es.contains("\"translated\"") || es.contains("\"review\""), es);
                send(base + "/partner/v1/items/" + id + "?lang=es", "Bearer " + partner.getString("apiKey"), null,
                        null, 200);
            }
        } finally {
            gateway.destroy();
            assertTrue(gateway.waitFor(60, TimeUnit.SECONDS), "the gateway stopped on SIGTERM");
        }
        assertTrue(Files.list(data).findAny().isPresent(), "the database is in the data directory");
        List<String> errors = Files.readAllLines(log).stream().filter(l -> l.contains(" ERROR ")).toList();
        assertEquals(List.of(), errors, "a clean start, run and stop");
        List<String> stray = new ArrayList<>();
        for (String line : output("find", "/", "-xdev", "-uid", UID, "-not", "-path", "/proc/*")) {
            if (!line.startsWith("/tmp/") && !line.startsWith(data.toString())) {
                stray.add(line);
            }
        }
        assertEquals(List.of(), stray, "uid 185 wrote only to /tmp and the data directory");
        run("rm", "-rf", root.toString());
    }

    private static void awaitReady(String base, Process gateway, Path log) throws Exception {
        try {
            await("the gateway to report ready").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        if (!gateway.isAlive()) {
                            throw new AssertionError("the gateway exited: " + Files.readString(log));
                        }
                        try {
                            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notYet) {
                            return false; // not listening yet
                        }
                    });
        } catch (ConditionTimeoutException notReady) {
            throw new AssertionError("not ready within 60 s: " + Files.readString(log), notReady);
        }
    }

    private static String send(String url, String auth, String type, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth);
        if (body != null) {
            request.header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), url + ": " + answer.body());
        return answer.body();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Owned by root, readable by all, writable by none but root: what uid 185 meets in the image's /deployments. */
    private static void readOnly(Path app) throws IOException {
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private static List<String> output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out.lines().toList();
    }
}
