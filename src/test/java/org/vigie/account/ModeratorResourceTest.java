package org.vigie.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ModeratorResourceTest {

    private static final String MODERATORS = "/api/v1/admin/moderators";

    private static String newUsername() {
        return "mod-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void adminCreatesAModeratorWhoCanModerateButNotAdminister() {
        String username = newUsername();
        Api.admin().body(Map.of("username", username, "password", "a long passphrase", "role", "moderator"))
                .when().post(MODERATORS)
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(MODERATORS + "/" + username))
                .body("username", equalTo(username))
                .body("role", equalTo("moderator"))
                .body(not(containsString("password")))
                .body(not(containsString("$2")));

        Api.as(username, "a long passphrase").get("/api/v1/moderation/queue").then().statusCode(200);
        Api.as(username, "a long passphrase").get(MODERATORS).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(username, "wrong passphrase").get("/api/v1/moderation/queue").then().statusCode(401);
    }

    @Test
    void listNeverShowsPasswordHashes() {
        Api.admin().get(MODERATORS).then().statusCode(200)
                .body("username", hasItem("admin"))
                .body(not(containsString("$2")))
                .body(not(containsString("password")));
        Api.admin().get(MODERATORS + "/admin").then().statusCode(200).body("role", equalTo("admin"));
        Api.admin().get(MODERATORS + "/nobody-here").then().statusCode(404);
    }

    @Test
    void secondAdminCanAdminister() {
        String username = newUsername();
        Api.admin().body(Map.of("username", username, "password", "another passphrase", "role", "admin"))
                .when().post(MODERATORS).then().statusCode(201);
        Api.as(username, "another passphrase").get(MODERATORS).then().statusCode(200);
    }

    @Test
    void takenUsernameIsAConflict() {
        String username = newUsername();
        Map<String, String> account = Map.of("username", username, "password", "a long passphrase", "role", "moderator");
        Api.admin().body(account).when().post(MODERATORS).then().statusCode(201);
        Api.admin().body(account).when().post(MODERATORS).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void invalidAccountsAreRefused() {
        Api.admin().body(Map.of("username", "UPPER case", "password", "a long passphrase", "role", "moderator"))
                .when().post(MODERATORS).then().statusCode(400).body("errors[0].field", equalTo("username"));
        Api.admin().body(Map.of("username", newUsername(), "password", "short", "role", "moderator"))
                .when().post(MODERATORS).then().statusCode(400).body("errors[0].field", equalTo("password"));
        Api.admin().body(Map.of("username", newUsername(), "password", "a long passphrase", "role", "root"))
                .when().post(MODERATORS).then().statusCode(400).body("errors[0].field", equalTo("role"));
        // bcrypt reads 72 bytes: 40 "é" are 40 characters but 80 bytes, and would be cut silently.
        Api.admin().body(Map.of("username", newUsername(), "password", "é".repeat(40), "role", "moderator"))
                .when().post(MODERATORS).then().statusCode(400).body("errors[0].field", equalTo("password"));
        Api.admin().body(Map.of("username", newUsername(), "password", "é".repeat(36), "role", "moderator"))
                .when().post(MODERATORS).then().statusCode(201);
        Api.admin().get(MODERATORS + "/{username}", "Not Valid").then().statusCode(400)
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void firstAdminWasCreatedFromTheConfiguredPassword() {
        given().auth().preemptive().basic("admin", Api.ADMIN_PASSWORD).get(MODERATORS).then().statusCode(200);
    }
}
