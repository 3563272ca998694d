package io.lingowire.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.lingowire.support.NeedsEngine;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several replicas of the packaged jar on one MySQL-protocol database, as on Kubernetes: 200 stories with two target
 * languages each and a webhook partner, one replica {@code kill -9}ed mid-work; then 40 more, and another replica
 * stopped with SIGTERM mid-work. Afterwards every translation was done and published exactly once, every event
 * reached the webhook at least once under one stable {@code webhook-id}, and every accepted story is there.
 * Runs on MySQL/MariaDB only (H2 is one process's database); the translations go through a real Apertium APy.
 */
@NeedsEngine(value = {"eng-spa", "eng-cat"}, apy = true)
class ReplicasIT {

    private static final int STORIES = 200;
    private static final int MORE = 40;
    private static final List<String> TARGETS = List.of("es", "ca");
    private static final String PASSWORD = "replicas-admin-secret";
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final Path LOGS = Path.of("target", "replicas");

    private static String databaseUrl;
    private static Process apy;
    private static WireMockServer receiver;
    private static final List<Process> replicas = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void setUp() throws Exception {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        assumeTrue(url != null && url.startsWith("jdbc:mysql:"),
                "replicas share a MySQL/MariaDB database: set QUARKUS_DATASOURCE_JDBC_URL (.ci/run's second run does)");
        assumeTrue(Files.exists(Path.of("target/quarkus-app/quarkus-run.jar")), "the jar is not built");
        // a database of its own, so that every count below is this test's
        databaseUrl = url.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1lingowire_replicas");
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS lingowire_replicas");
            s.execute("CREATE DATABASE lingowire_replicas CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Files.createDirectories(LOGS);
        int apyPort = freePort();
        apy = new ProcessBuilder("/usr/bin/apertium-apy", "-p", String.valueOf(apyPort), "/usr/share/apertium/modes")
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("apy.log").toFile()).start();
        apyUrl = "http://127.0.0.1:" + apyPort;
        await(Duration.ofSeconds(60), "APy", () -> status(apyUrl + "/listPairs") == 200);
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
        receiver.start();
        // a receiver that takes a moment, so that deliveries are in flight when a replica stops
        receiver.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(204)
                .withUniformRandomDelay(20, 200)));
    }

    private static String apyUrl;

    @AfterAll
    static void tearDown() {
        replicas.forEach(p -> p.destroyForcibly());
        if (apy != null) {
            apy.descendants().forEach(ProcessHandle::destroy);
            apy.destroy();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void replicasShareTheWorkAndSurviveAKillAndADrain() throws Exception {
        Replica a = Replica.start("a");
        Replica b = Replica.start("b");
        a.awaitReady();
        b.awaitReady();

        // the stories first, then the partner and the translations of all of them at once: a backlog to kill into
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            accepted.add((i % 2 == 0 ? a : b).ingest(i));
        }
        JsonPath partner = new JsonPath(a.send("POST", "/api/v1/partners", "application/json",
                "{\"name\":\"Replica partner\",\"languages\":[\"es\",\"ca\"]}", 201));
        String partnerId = partner.getString("id");
        JsonPath endpoint = new JsonPath(b.send("POST", "/api/v1/partners/" + partnerId + "/webhooks",
                "application/json", "{\"url\":\"http://localhost:" + receiver.port() + "/hooks/replicas\"}", 201));
        String secret = endpoint.getString("secret");
        // asked from 16 clients at once: a backlog far larger than the engine clears while it is being asked
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Callable<String>> asks = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            Replica to = i % 2 == 0 ? a : b;
            String id = accepted.get(i);
            asks.add(() -> to.send("POST", "/api/v1/articles/" + id + "/translations", "application/json",
                    "{\"targets\":[\"es\",\"ca\"]}", 202));
        }
        for (java.util.concurrent.Future<String> asked : clients.invokeAll(asks)) {
            asked.get();
        }
        clients.shutdown();
        await(Duration.ofMinutes(3), "a quarter of the translations", () -> translated(accepted) >= STORIES / 2);
        String workerA = a.worker();
        String heldByA = "SELECT COUNT(*) FROM job WHERE status = 'running' AND kind = 'translate' AND locked_by = '"
                + workerA + "'";
        // freeze A the moment it holds translations, then kill it: its jobs die mid-run, as in a crash
        Awaitility.await("A to hold a translation (none within 60 s)").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                    if (count(heldByA) == 0) {
                        return false;
                    }
                    signal("STOP", a.process);
                    if (count(heldByA) > 0) {
                        return true;
                    }
                    signal("CONT", a.process);
                    return false;
                });
        a.process.destroyForcibly();
        Instant killed = Instant.now();
        assertTrue(a.process.waitFor(10, TimeUnit.SECONDS));
        // what A held when it died stays leased to it until the lease runs out
        int runningAtKill = count(heldByA);
        assertTrue(runningAtKill > 0, "the kill came mid-work");
        assertTrue(translated(accepted) < accepted.size() * TARGETS.size(), "the kill came mid-work");
        await(Duration.ofMinutes(4), "every translation after the kill",
                () -> translated(accepted) == accepted.size() * TARGETS.size());
        Duration recovered = Duration.between(killed, Instant.now());
        System.out.printf("ReplicasIT: kill -9 with %d translation jobs running on the killed replica; all %d "
                + "translations done %d s after the kill%n", runningAtKill, accepted.size() * TARGETS.size(), recovered.toSeconds());

        // a drain: C joins, B gets new work and is stopped with SIGTERM while it runs
        Replica c = Replica.start("c");
        c.awaitReady();
        int before = receiver.getAllServeEvents().size();
        List<String> more = new ArrayList<>();
        for (int i = 0; i < MORE; i++) {
            more.add((i % 2 == 0 ? b : c).ingest(STORIES + i));
        }
        accepted.addAll(more);
        await(Duration.ofMinutes(1), "the new stories' first translations", () -> translated(more) >= 4);
        b.process.destroy();
        Instant term = Instant.now();
        AtomicBoolean sawNotReady = new AtomicBoolean();
        Awaitility.await("B to stop within 60 s").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!b.process.isAlive()) {
                        return true;
                    }
                    if (status(b.base + "/q/health/ready") == 503) {
                        sawNotReady.set(true);
                    }
                    return false;
                });
        assertTrue(b.process.waitFor(60, TimeUnit.SECONDS), "B stopped");
        Duration drained = Duration.between(term, Instant.now());
        assertTrue(sawNotReady.get(), "B reported not ready while it drained");
        assertTrue(drained.toSeconds() <= 45, "B drained within the pod's grace period: " + drained);
        System.out.printf("ReplicasIT: SIGTERM drained in %d ms; %s%n", drained.toMillis(),
                Files.readAllLines(b.log).stream().filter(l -> l.contains("handed back")).findFirst()
                        .orElse("every running job finished"));

        await(Duration.ofMinutes(3), "every translation after the drain",
                () -> translated(accepted) == accepted.size() * TARGETS.size());
        await(Duration.ofMinutes(2), "every delivery",
                () -> count("SELECT COUNT(*) FROM webhook_delivery WHERE status <> 'delivered'") == 0);

        // nothing accepted is lost
        for (String id : accepted) {
            c.send("GET", "/api/v1/articles/" + id, null, null, 200);
        }
        // every language version translated once and published once, by one job that completed
        Map<String, Integer> published = grouped("SELECT CONCAT(article_id, ' ', language), COUNT(*) FROM event "
                + "WHERE type = 'translation.published' GROUP BY article_id, language");
        Map<String, Integer> jobs = grouped("SELECT payload, COUNT(*) FROM job WHERE kind = 'translate' "
                + "AND status = 'done' GROUP BY payload");
        for (String id : accepted) {
            for (String language : TARGETS) {
                assertEquals(1, published.getOrDefault(id + " " + language, 0), "published once: " + id + " " + language);
                assertEquals(1, jobs.getOrDefault(id + " " + language, 0), "one job completed: " + id + " " + language);
            }
        }
        // every event at least once, each under one stable webhook-id, verifiable with the partner's secret
        int events = count("SELECT COUNT(*) FROM event WHERE language IN ('es', 'ca')");
        Map<String, Set<String>> idsByMessage = new HashMap<>();
        List<LoggedRequest> requests = receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathMatching("/hooks/replicas")));
        Webhook verifier = new Webhook(secret);
        for (LoggedRequest r : requests) {
            verifier.verify(r.getBodyAsString(), Map.of(
                    "webhook-id", List.of(r.getHeader("webhook-id")),
                    "webhook-timestamp", List.of(r.getHeader("webhook-timestamp")),
                    "webhook-signature", List.of(r.getHeader("webhook-signature"))));
            JsonPath body = new JsonPath(r.getBodyAsString());
            String message = body.getString("type") + " " + body.getString("data.id") + " "
                    + body.getString("data.language") + " " + body.getString("data.version");
            idsByMessage.computeIfAbsent(message, k -> new HashSet<>()).add(r.getHeader("webhook-id"));
        }
        assertEquals(events, idsByMessage.size(), "every event reached the partner");
        idsByMessage.forEach((message, ids) -> assertEquals(1, ids.size(), message + " under one webhook-id"));
        // during the drain no delivery was cut: no message was sent twice after the drain began
        List<String> afterDrain = receiver.getAllServeEvents().stream()
                .limit(receiver.getAllServeEvents().size() - before)
                .map(e -> e.getRequest().getHeader("webhook-id")).toList();
        assertEquals(afterDrain.size(), Set.copyOf(afterDrain).size(), "no delivery was repeated after the drain");
        System.out.printf("ReplicasIT: %d stories, %d events, %d webhook requests%n", accepted.size(), events,
                requests.size());
    }

    /** One gateway process of the packaged jar. */
    private record Replica(String name, Process process, String base, Path log) {

        static Replica start(String name) throws IOException {
            int port = freePort();
            Path log = LOGS.resolve("replica-" + name + ".log");
            Process p = new ProcessBuilder("java", "-Xmx512m", "-XX:+UseParallelGC",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + databaseUrl,
                    "-Dquarkus.datasource.username=" + user(),
                    "-Dquarkus.datasource.password=" + password(),
                    "-Dlingowire.admin.password=" + PASSWORD,
                    "-Dlingowire.webhooks.secret-key=" + PackagedGateway.WEBHOOK_KEY,
                    "-Dlingowire.webhooks.allowed-hosts=localhost,127.0.0.1",
                    "-Dlingowire.translation.providers=apertium-apy",
                    "-Dlingowire.providers.apertium-apy.url=" + apyUrl,
                    "-Dlingowire.data-dir=" + LOGS.resolve("data-" + name),
                    "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            replicas.add(p);
            return new Replica(name, p, "http://127.0.0.1:" + port, log);
        }

        /** The job worker's id, as the replica logs it at start. */
        String worker() throws IOException {
            return Files.readAllLines(log).stream().map(l -> java.util.regex.Pattern.compile("Job worker (\\S+) runs")
                    .matcher(l)).filter(java.util.regex.Matcher::find).map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError("replica " + name + " logged no job worker"));
        }

        void awaitReady() {
            await(Duration.ofSeconds(90), "replica " + name, () -> status(base + "/q/health/ready") == 200);
        }

        String ingest(int n) throws Exception {
            // sentences of their own, so that the engine (not the translation memory) translates each story
            String story = "Reservoir levels rise in region " + n + "\n\n"
                    + sentence() + " " + sentence() + "\n\n" + sentence() + " " + sentence() + "\n\n"
                    + "Reference " + UUID.randomUUID() + ".";
            return new JsonPath(send("POST", "/api/v1/articles", "text/plain; charset=utf-8", story, 201))
                    .getString("id");
        }

        String send(String method, String path, String type, String body, int expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", AUTH)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, answer.statusCode(), method + " " + path + ": " + answer.body());
            return answer.body();
        }
    }

    private static final String[] WHO = {"The farmers", "The mayor", "The water authority", "The engineers",
        "The teachers", "The fishermen", "The doctors", "The drivers", "The students", "The shopkeepers"};
    private static final String[] DID = {"welcomed", "questioned", "criticised", "praised", "discussed",
        "announced", "rejected", "supported", "described", "explained"};
    private static final String[] WHAT = {"the new dam", "the rain", "the harvest", "the price of bread",
        "the old bridge", "the school year", "the bus service", "the river", "the market", "the hospital"};
    private static final String[] WHEN = {"on Monday", "on Tuesday", "last week", "this morning", "in the evening",
        "after the meeting", "before the election", "during the storm", "at the weekend", "in the spring"};
    private static final java.util.Random RANDOM = new java.util.Random();

    private static String sentence() {
        return WHO[RANDOM.nextInt(WHO.length)] + " " + DID[RANDOM.nextInt(DID.length)] + " "
                + WHAT[RANDOM.nextInt(WHAT.length)] + " " + WHEN[RANDOM.nextInt(WHEN.length)] + ".";
    }

    private static void signal(String name, Process process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor());
    }

    private static int translated(List<String> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return count("SELECT COUNT(*) FROM translation WHERE status IN ('translated', 'review') AND article_id IN ("
                + in + ")");
    }

    private static int count(String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl, user(), password());
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Map<String, Integer> grouped(String sql) {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(databaseUrl, user(), password());
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void await(Duration limit, String what, BooleanSupplier done) {
        Awaitility.await(what + " (waited " + limit.toSeconds() + " s)").atMost(limit).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(done::getAsBoolean);
    }

    private static String user() {
        return System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "root");
    }

    private static String password() {
        return System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
