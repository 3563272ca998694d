package io.lingowire.ops;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lingowire.support.Api;
import io.lingowire.syndication.webhook.Hooks;
import io.lingowire.syndication.webhook.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The partners' guide (docs/partners.md) works as written: its curl examples and its Python client
 * (docs/examples/lingowire_partner.py) run against the packaged jar, feed and webhook verification alike.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedGateway.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebhookReceiver.class, restrictToAnnotatedClass = true)
class PartnerGuideIT {

    private static final Path GUIDE = Path.of("docs/partners.md");
    private static final Path CLIENT = Path.of("docs/examples/lingowire_partner.py").toAbsolutePath();

    @Test
    void theGuidesExamplesReadTheFeedAndVerifyWebhooks() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && Files.isExecutable(Path.of("/usr/bin/curl")),
                "python3 and curl run the guide's examples");
        Api.awaitReady();
        WebhookReceiver.server.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(204)));
        Hooks.Subscriber partner = Hooks.subscriber("Guide reader", "en");
        String key = partner.key();
        String hookPath = partner.hookPath();
        String secret = partner.secret();
        // the cursor a partner would have saved: the end of its feed before the story (other tests' stories on a
        // shared database come first)
        String cursor = "";
        for (int i = 0; i < 1000; i++) {
            JsonPath page = RestAssured.given().header("Authorization", "Bearer " + key)
                    .get("/partner/v1/feed?limit=100&cursor=" + cursor).then().statusCode(200).extract().jsonPath();
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                break;
            }
        }
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8")
                .body(Api.unique(Api.fixtureText("languages/en.txt"))).post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        Path work = Files.createTempDirectory(Path.of("target"), "partner-guide-");

        // the Python client reads the feed to its end and keeps the cursor
        Result feed = run(work, Map.of(), "python3", CLIENT.toString(), "feed", "--url", base, "--key", key,
                "--state", "cursor.txt", "--once");
        assertEquals(0, feed.code, feed.output);
        assertTrue(feed.output.contains("urn:lingowire:" + id + ":en\ten\tv1\tusable"), feed.output);
        assertTrue(!Files.readString(work.resolve("cursor.txt")).isBlank(), "the cursor was kept");
        Result again = run(work, Map.of(), "python3", CLIENT.toString(), "feed", "--url", base, "--key", key,
                "--state", "cursor.txt", "--once");
        assertEquals("", again.output, "resumed after what it had read");

        // the guide's curl block, as written (the saved cursor is from before the story)
        Result curl = run(work, Map.of("BASE", base, "KEY", key, "CURSOR", cursor, "ID", id), "bash", "-euo",
                "pipefail", "-c", firstBashBlock());
        assertEquals(0, curl.code, curl.output);
        assertTrue(curl.output.contains("urn:lingowire:" + id + ":en"), curl.output);
        assertTrue(Files.readString(work.resolve("item.xml")).contains("newsItem"), "the NewsML-G2 item");
        assertTrue(curl.output.strip().endsWith("304"), "unchanged item answers 304: " + curl.output);

        // the webhook, verified by the client; a changed body is refused
        LoggedRequest message = Hooks.awaitArticle(hookPath, id);
        Files.write(work.resolve("body.json"), message.getBody());
        List<String> verify = List.of("python3", CLIENT.toString(), "verify", "--secret", secret,
                "--id", message.getHeader("webhook-id"), "--timestamp", message.getHeader("webhook-timestamp"),
                "--signature", message.getHeader("webhook-signature"), "--body", "body.json");
        Result verified = run(work, Map.of(), verify.toArray(String[]::new));
        assertEquals(0, verified.code, verified.output);
        assertTrue(verified.output.startsWith("article.published\t" + id + "\ten"), verified.output);
        Files.writeString(work.resolve("body.json"), message.getBodyAsString().replace(id, id.replace('0', '1')));
        Result forged = run(work, Map.of(), verify.toArray(String[]::new));
        assertEquals(1, forged.code, "a changed body is refused: " + forged.output);
    }

    /** The first ```bash block of the guide. */
    private static String firstBashBlock() throws Exception {
        String guide = Files.readString(GUIDE);
        int start = guide.indexOf("```bash\n") + "```bash\n".length();
        return guide.substring(start, guide.indexOf("```", start));
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return new Result(p.exitValue(), out);
    }
}
