package org.vigie.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Admins register, read, change and remove webhook endpoints; bad input is refused field by field. */
@QuarkusTest
class WebhookAdminTest {

    private static final String WEBHOOKS = "/api/v1/admin/webhooks";

    @Inject
    Database database;

    private static Map<String, Object> endpoint(Object... pairs) {
        Map<String, Object> endpoint = new HashMap<>(Map.of("url", "https://hooks.journal.example/vigie",
                "events", List.of("comment.created")));
        for (int i = 0; i < pairs.length; i += 2) {
            endpoint.put((String) pairs[i], pairs[i + 1]);
        }
        return endpoint;
    }

    static List<Object[]> invalidEndpoints() {
        return List.of(
                new Object[] { endpoint("url", "ftp://hooks.journal.example/vigie"), "url" },
                new Object[] { endpoint("url", "/relative/path"), "url" },
                new Object[] { endpoint("url", "https://"), "url" },
                new Object[] { endpoint("url", "https://user:password@hooks.journal.example/"), "url" },
                new Object[] { endpoint("url", "https://hooks.journal.example/a|b"), "url" },
                new Object[] { endpoint("url", "https://hooks.journal.example/" + "a".repeat(2000)), "url" },
                new Object[] { endpoint("url", "  "), "url" },
                new Object[] { endpoint("events", List.of()), "events" },
                new Object[] { endpoint("events", List.of("comment.deleted")), "events[0]" },
                new Object[] { endpoint("secret", "s3cr3t"), "secret" },
                new Object[] { endpoint("secret", "whsec_c2hvcnQ="), "secret" },
                new Object[] { endpoint("description", "d".repeat(501)), "description" });
    }

    @ParameterizedTest
    @MethodSource("invalidEndpoints")
    void refusesAnInvalidEndpointNamingTheField(Map<String, Object> request, String field) {
        long before = database.count("SELECT count(*) FROM webhook_endpoint");
        Api.admin().body(request).post(WEBHOOKS).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:validation"))
                .body("errors.field", hasItem(field));
        assertEquals(before, database.count("SELECT count(*) FROM webhook_endpoint"));
    }

    @Test
    void refusesAMissingBodyAndMalformedJson() {
        Api.admin().post(WEBHOOKS).then().statusCode(400).contentType("application/problem+json");
        Api.admin().body("{\"url\": ").post(WEBHOOKS).then().statusCode(400).contentType("application/problem+json");
        Api.admin().body(Map.of("url", 5, "events", "comment.created")).post(WEBHOOKS).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageWebhooks() {
        given().get(WEBHOOKS).then().statusCode(401).contentType("application/problem+json");
        String username = "webhooks-" + Long.toHexString(System.nanoTime()).substring(0, 8);
        Api.admin().body(Map.of("username", username, "password", "a-long-enough-password", "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        Api.as(username, "a-long-enough-password").body(endpoint()).post(WEBHOOKS).then().statusCode(403);
        Api.as(username, "a-long-enough-password").get(WEBHOOKS).then().statusCode(403);
    }

    @Test
    void theGeneratedSecretIsGivenOnceAndNeverAgain() {
        var created = Api.admin().body(endpoint("description", "Newsroom dashboard")).post(WEBHOOKS).then()
                .statusCode(201)
                .header("Location", startsWith(WEBHOOKS + "/"))
                .body("secret", startsWith("whsec_"))
                .body("enabled", equalTo(true))
                .body("createdBy", equalTo("admin"))
                .extract().jsonPath();
        long id = created.getLong("id");
        assertEquals(24, Base64.getDecoder().decode(created.getString("secret").substring("whsec_".length())).length);

        Api.admin().get(WEBHOOKS + "/{id}", id).then().statusCode(200)
                .body("url", equalTo("https://hooks.journal.example/vigie"))
                .body("description", equalTo("Newsroom dashboard"))
                .body("secret", nullValue());
        Api.admin().get(WEBHOOKS).then().statusCode(200)
                .body("find { it.id == " + id + " }.events", containsInAnyOrder("comment.created"))
                .body("secret", not(hasItem(created.getString("secret"))))
                .body("findAll { it.secret != null }", org.hamcrest.Matchers.empty());
        Api.admin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
    }

    @Test
    void aSecretGivenIsKeptAndAnEndpointCanBeChangedThenRemoved() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef01234567".getBytes());
        long id = Api.admin().body(endpoint("secret", secret)).post(WEBHOOKS).then().statusCode(201)
                .body("secret", equalTo(secret)).extract().jsonPath().getLong("id");
        assertEquals(secret, database.single("SELECT secret FROM webhook_endpoint WHERE id = ?", id));

        Api.admin().body(Map.of("enabled", false, "events", List.of("report.created", "author.banned")))
                .patch(WEBHOOKS + "/{id}", id).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("events", containsInAnyOrder("report.created", "author.banned"))
                .body("url", equalTo("https://hooks.journal.example/vigie"));
        Api.admin().body(Map.of("url", "http://10.0.0.5:8081/hooks?source=vigie")).patch(WEBHOOKS + "/{id}", id).then()
                .statusCode(200)
                .body("url", equalTo("http://10.0.0.5:8081/hooks?source=vigie"))
                .body("enabled", equalTo(false));
        Api.admin().body(Map.of("url", "gopher://old.example")).patch(WEBHOOKS + "/{id}", id).then().statusCode(400)
                .body("errors.field", hasItem("url"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("enabled", true)).patch(WEBHOOKS + "/{id}", 0).then()
                .statusCode(404).contentType("application/problem+json");

        Api.admin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        Api.admin().get(WEBHOOKS + "/{id}", id).then().statusCode(404).contentType("application/problem+json");
        Api.admin().delete(WEBHOOKS + "/{id}", id).then().statusCode(404);
        Api.admin().get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(404);
    }

    @Test
    void theContractNamesEveryWebhookOperation() {
        var contract = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, String> operations = Map.of(
                "'/api/v1/admin/webhooks'.post", "createWebhook",
                "'/api/v1/admin/webhooks'.get", "listWebhooks",
                "'/api/v1/admin/webhooks/{id}'.get", "getWebhook",
                "'/api/v1/admin/webhooks/{id}'.patch", "updateWebhook",
                "'/api/v1/admin/webhooks/{id}'.delete", "deleteWebhook",
                "'/api/v1/admin/webhooks/{id}/deliveries'.get", "listWebhookDeliveries",
                "'/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay'.post", "replayWebhookDelivery");
        operations.forEach((operation, id) -> {
            assertEquals(id, contract.getString("paths." + operation + ".operationId"), operation);
            assertEquals(List.of("Webhooks"), contract.getList("paths." + operation + ".tags"), operation);
        });
        assertEquals("#/components/schemas/Webhook",
                contract.getString("paths.'/api/v1/admin/webhooks'.post.responses.'201'.content.'application/json'.schema.$ref"));
        assertEquals("#/components/schemas/WebhookDeliveryPage", contract.getString(
                "paths.'/api/v1/admin/webhooks/{id}/deliveries'.get.responses.'200'.content.'application/json'.schema.$ref"));
        Map<String, Object> created = contract.getMap("components.schemas.Webhook.properties");
        assertTrue(created.keySet().stream().noneMatch(p -> p.toLowerCase().contains("email")), created.keySet().toString());
    }

    @Test
    void theDeliveryLogRefusesABadCursorOrLimit() {
        long id = Api.admin().body(endpoint()).post(WEBHOOKS).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.admin().queryParam("cursor", "nope").get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        Api.admin().queryParam("limit", "0").get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        Api.admin().get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        Api.admin().post(WEBHOOKS + "/{id}/deliveries/{delivery}/replay", id, 0).then().statusCode(404);
        Api.admin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
    }
}
