package org.vigie.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;

/** Article pages post from the readers' browsers: the configured news sites may, other sites may not. */
@QuarkusTest
class CorsTest {

    @Test
    void configuredSiteMayPostFromTheBrowser() {
        given().header("Origin", "https://www.journal.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/articles/{key}/comments", Api.newArticleKey("cors"))
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://www.journal.example"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void otherSitesAreNotAllowed() {
        given().header("Origin", "https://evil.example")
                .get("/api/v1/articles/{key}/comments", Api.newArticleKey("cors"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:origin-not-allowed"))
                .body("errors[0].field", equalTo("Origin"))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
