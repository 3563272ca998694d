package io.lingowire.security;

import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SecurityTest {

    @Test
    void everyApiEndpointNeedsCredentialsAndSaysSoAsProblemJson() {
        for (String path : new String[]{"/api/v1/articles", "/api/v1/sources"}) {
            RestAssured.given().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"))
                    .body("status", equalTo(401));
        }
        RestAssured.given().contentType("text/plain").body("hello").post("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongPasswordIsRefused() {
        RestAssured.given().auth().preemptive().basic(Api.ADMIN, "wrong").get("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void basicCredentialsBuyABearerTokenThatWorksAlone() {
        String token = Api.asAdmin().post("/api/v1/tokens").then().statusCode(201)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresAt", notNullValue())
                .body("token", startsWith("lwt_"))
                .extract().path("token");
        // twice each: the second answer comes from what this replica remembers of the token
        for (int i = 0; i < 2; i++) {
            RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/articles").then().statusCode(200);
            RestAssured.given().header("Authorization", "Bearer lwt_forged").get("/api/v1/articles")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void storedPasswordIsABcryptHashNotThePassword() {
        User admin = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername(Api.ADMIN).orElseThrow());
        org.junit.jupiter.api.Assertions.assertTrue(admin.passwordHash.startsWith("$2"), "bcrypt MCF hash");
        org.junit.jupiter.api.Assertions.assertFalse(admin.passwordHash.contains(Api.ADMIN_PASSWORD));
    }

    @Test
    void operationalEndpointsAreOpen() {
        Api.awaitReady();
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Language detection models"));
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/health/started").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        RestAssured.given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/articles"));
    }
}
