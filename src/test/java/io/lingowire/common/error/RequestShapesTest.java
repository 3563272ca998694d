package io.lingowire.common.error;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests of the wrong shape get a 400 problem naming what is wrong — never an empty body, a 404 for a bad number,
 * a 500 for a null in a list, or silence — and an item id is exact.
 */
@QuarkusTest
class RequestShapesTest {

    private static ValidatableResponse post(String path, String json) {
        return Api.asAdmin().contentType("application/json").body(json).post(path).then();
    }

    private static void refused(ValidatableResponse response, String slug, String detail) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/" + slug)).body("detail", containsString(detail));
    }

    @Test
    void wrongJsonTypesNameTheField() {
        refused(post("/api/v1/partners", "{\"name\":\"x\",\"languages\":\"es\"}"), "invalid-field",
                "'languages' must be an array");
        post("/api/v1/partners", "{\"name\":\"x\",\"languages\":\"es\"}").body("field", equalTo("languages"));
        refused(post("/api/v1/partners", "{\"name\":\"x\",\"languages\":[\"es\"],\"autoApprove\":\"maybe\"}"),
                "invalid-field", "'autoApprove' must be true or false");
        refused(post("/api/v1/partners", "[{\"name\":\"x\"}]"), "invalid-field", "must be an object");
        refused(post("/api/v1/articles/any/translations", "{\"targets\":\"es\"}"), "invalid-field",
                "'targets' must be an array");
    }

    @Test
    void arraysNestedAHundredThousandDeepAreAProblem() throws Exception {
        // sent without REST Assured, which would try to pretty-print the body on a failure
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/partners"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(deep)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":400"), response.body());
    }

    @Test
    void aNullInAListIsRefusedWhileReading() {
        refused(post("/api/v1/partners", "{\"name\":\"x\",\"languages\":[\"es\"],\"formats\":[null]}"),
                "invalid-field", "'formats[0]' must not be null");
        refused(post("/api/v1/partners", "{\"name\":\"x\",\"languages\":[\"es\",null]}"), "invalid-field",
                "'languages[1]' must not be null");
    }

    @Test
    void parametersThatDoNotParseAreA400NamingThem() {
        refused(Api.asAdmin().get("/api/v1/articles?limit=abc").then(), "invalid-limit", "limit");
        refused(Api.asAdmin().get("/api/v1/articles?limit=0").then(), "invalid-limit", "limit");
        refused(Api.asAdmin().get("/api/v1/deliveries?limit=x").then(), "invalid-limit", "limit");
        String text = "Quarterly report " + UUID.randomUUID() + "\n\nProfits rose sharply in the third quarter.";
        refused(Api.asAdmin().contentType("text/plain").body(text).post("/api/v1/articles?priority=urgent").then(),
                "invalid-priority", "priority");
        refused(Api.asAdmin().contentType("text/plain").body(text).post("/api/v1/articles?language=12-!!").then(),
                "invalid-language", "12-!!");
        refused(Api.asAdmin().contentType("text/plain").body(text).post("/api/v1/articles?source=" + "s".repeat(201))
                .then(), "invalid-source", "200");
        String id = Api.asAdmin().contentType("text/plain").body(text).post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
        refused(Api.asAdmin().get("/api/v1/articles/" + id + "?version=one").then(), "invalid-version", "version");
    }

    @Test
    void anItemIdIsExact() {
        String text = "Harbour reopens " + UUID.randomUUID() + "\n\nThe harbour reopened on Monday after repairs.";
        String id = Api.asAdmin().contentType("text/plain").queryParam("language", "en").body(text)
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        String key = post("/api/v1/partners", "{\"name\":\"Exact " + UUID.randomUUID() + "\",\"languages\":[\"en\"]}")
                .statusCode(201).extract().path("apiKey");
        RestAssured.given().header("Authorization", "Bearer " + key).get("/partner/v1/items/" + id + "?lang=en")
                .then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + key)
                .get("/partner/v1/items/" + id.toUpperCase() + "?lang=en").then().statusCode(404);
        RestAssured.given().urlEncodingEnabled(false).header("Authorization", "Bearer " + key)
                .get("/partner/v1/items/" + id + "%00?lang=en").then().statusCode(404);
        Api.asAdmin().get("/api/v1/articles/" + id.toUpperCase()).then().statusCode(404);
    }

    @Test
    void aTooLongRequestUriIsA414Problem() throws Exception {
        String answer = raw("/api/v1/articles?q=" + "a".repeat(10_000));
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("uri-too-long"), answer);
    }

    private static String raw(String target) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
