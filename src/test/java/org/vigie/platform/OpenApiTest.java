package org.vigie.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The published contract documents every operation, its errors and its security. */
@QuarkusTest
class OpenApiTest {

    private JsonPath contract() {
        return given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyEndpointOfTheServiceIsInTheContract() {
        Map<String, Object> paths = contract().getMap("paths");
        for (String path : List.of(
                "/api/v1/articles/{articleKey}/comments",
                "/api/v1/comments/{id}",
                "/api/v1/articles/counts",
                "/api/v1/articles/most-commented",
                "/api/v1/moderation/articles/{articleKey}",
                "/api/v1/moderation/queue",
                "/api/v1/moderation/comments/{id}/decision",
                "/api/v1/admin/moderators",
                "/api/v1/admin/moderators/{username}",
                "/api/v1/moderation/comments/{id}",
                "/api/v1/moderation/rules",
                "/api/v1/moderation/rules/versions",
                "/api/v1/moderation/rules/versions/{version}",
                "/api/v1/moderation/rules/versions/{version}/restore",
                "/api/v1/moderation/rules/dry-run")) {
            assertTrue(paths.containsKey(path), path + " is documented; paths: " + paths.keySet());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndDocumentsItsErrorsAsProblems() {
        JsonPath contract = contract();
        Map<String, Map<String, Map<String, Object>>> paths = contract.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!List.of("get", "put", "post", "delete").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertTrue(operation.get("summary") != null, where + " has a summary");
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), where + " documents success");
            boolean hasError = responses.keySet().stream().anyMatch(code -> code.startsWith("4"));
            assertTrue(hasError, where + " documents its errors: " + responses.keySet());
        }));
        Map<String, Object> badRequest = contract.getMap("components.responses.BadRequest.content");
        assertTrue(badRequest.containsKey("application/problem+json"), badRequest.toString());
        assertTrue(contract.getMap("components.schemas").containsKey("Problem"));
    }

    @Test
    void postingACommentDocumentsEveryRefusal() {
        Map<String, Object> responses = contract().getMap("paths.'/api/v1/articles/{articleKey}/comments'.post.responses");
        for (String code : List.of("201", "400", "409", "413", "415", "422", "429")) {
            assertTrue(responses.containsKey(code), "POST comments documents " + code + ": " + responses.keySet());
        }
    }

    @Test
    void moderationOperationsRequireBasicAuthentication() {
        JsonPath contract = contract();
        assertEquals("basic", contract.getString("components.securitySchemes.basic.scheme"));
        List<Object> security = contract.getList("paths.'/api/v1/moderation/queue'.get.security");
        assertTrue(security != null && !security.isEmpty(), "queue declares its security");
        Map<String, Object> responses = contract.getMap("paths.'/api/v1/moderation/queue'.get.responses");
        assertTrue(responses.containsKey("401") && responses.containsKey("403"), responses.keySet().toString());
        List<Object> publicSecurity = contract.getList("paths.'/api/v1/articles/{articleKey}/comments'.get.security");
        assertTrue(publicSecurity == null || publicSecurity.isEmpty(), "public reads need no credentials");
    }

    @Test
    void publicSchemasHaveNoEmailField() {
        JsonPath contract = contract();
        for (String schema : List.of("Comment", "Reply", "CommentDetail", "ThreadPage", "PostedComment")) {
            Map<String, Object> properties = contract.getMap("components.schemas." + schema + ".properties");
            assertTrue(properties != null, schema + " is in the contract");
            assertTrue(properties.keySet().stream().noneMatch(p -> p.toLowerCase().contains("email")),
                    schema + " has no email: " + properties.keySet());
        }
    }
}
