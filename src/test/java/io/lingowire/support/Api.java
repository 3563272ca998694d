package io.lingowire.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Shared helpers for API tests: an authenticated request and the fixture files. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret";

    private Api() {
    }

    /** Sends Content-Type exactly as written, as curl and real clients do (REST Assured would add a charset). */
    private static final io.restassured.config.RestAssuredConfig AS_WRITTEN = RestAssured.config().encoderConfig(
            io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    public static RequestSpecification asAdmin() {
        return RestAssured.given().config(AS_WRITTEN).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** Waits until the replica reports ready (the language models load in the background after start-up). */
    public static void awaitReady() {
        await("the service to report ready").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> RestAssured.get("/q/health/ready").statusCode(),
                        Waiting.satisfies(status -> status == 200, "200"));
    }

    /** Polls a translation until {@code done} holds (at most 30 s). */
    public static JsonPath awaitTranslation(String articleId, String lang, Predicate<JsonPath> done) {
        return await("translation " + lang + " of " + articleId).atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> asAdmin().get("/api/v1/articles/" + articleId + "/translations/" + lang)
                                .then().statusCode(200).extract().jsonPath(),
                        Waiting.satisfies(done, "the translation done"));
    }

    /**
     * Posts a plain-text article (title, blank line, paragraph), asks for its translation into {@code target} through
     * {@code POST /api/v1/articles/{id}/translations} and waits for the job to finish.
     */
    public static JsonPath translateArticle(String title, String paragraph, String target) {
        String id = asAdmin().contentType("text/plain; charset=utf-8").body(title + "\n\n" + paragraph)
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        asAdmin().contentType("application/json").body("{\"targets\":[\"" + target + "\"]}")
                .post("/api/v1/articles/" + id + "/translations").then().statusCode(202);
        return awaitTranslation(id, target);
    }

    /** Polls a translation until it is no longer queued or translating. */
    public static JsonPath awaitTranslation(String articleId, String lang) {
        return awaitTranslation(articleId, lang,
                t -> !t.getString("status").equals("queued") && !t.getString("status").equals("translating"));
    }

    public static byte[] fixture(String path) {
        try (InputStream in = Api.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixtureText(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    /** Makes a text unique per call, so that tests that expect a new article never meet an earlier one. */
    public static String unique(String text) {
        return text + "\n\nReference " + java.util.UUID.randomUUID() + ".";
    }
}
