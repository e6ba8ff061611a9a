package org.vigie.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every moderation and admin operation of the published contract refuses anonymous callers and wrong
 * passwords with 401, and admin operations refuse moderators with 403. The list of operations comes
 * from /q/openapi, so an endpoint added later is covered without touching this test.
 */
@QuarkusTest
class SecurityTest {

    private static final String MODERATOR_PASSWORD = "moderator passphrase";
    static final java.util.Set<Operation> ADMIN_ONLY_MODERATION = java.util.Set.of(
            new Operation("PUT", "/api/v1/moderation/rules"),
            new Operation("POST", "/api/v1/moderation/rules/versions/{version}/restore"));
    private static String moderator;

    record Operation(String method, String path) {
        String concretePath() {
            // Any other path parameter gets a plain value, so that new endpoints are covered without a change here.
            return path.replace("{articleKey}", "some/article").replace("{username}", "admin")
                    .replace("{email}", "someone@example.org").replaceAll("\\{[^}]+}", "1");
        }

        /** Admin-only operations: everything under /admin, and changing the rules. */
        boolean adminOnly() {
            return path.startsWith("/api/v1/admin/") || ADMIN_ONLY_MODERATION.contains(this);
        }
    }

    /** A moderator account of this test class, created on first use (the HTTP port is known by then). */
    private static synchronized String moderator() {
        if (moderator == null) {
            moderator = "sec-" + UUID.randomUUID().toString().substring(0, 8);
            Api.admin().body(Map.of("username", moderator, "password", MODERATOR_PASSWORD, "role", "moderator"))
                    .post("/api/v1/admin/moderators").then().statusCode(201);
        }
        return moderator;
    }

    @SuppressWarnings("unchecked")
    static List<Operation> protectedOperations() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/v1/moderation/") || path.startsWith("/api/v1/admin/")) {
                methods.keySet().stream()
                        .filter(m -> List.of("get", "put", "post", "delete", "patch").contains(m))
                        .forEach(m -> operations.add(new Operation(m.toUpperCase(), path)));
            }
        });
        return operations;
    }

    /** Each request from its own address, so that failed logins never add up to the login throttle. */
    private static RequestSpecification withBody(RequestSpecification request) {
        return request.header("X-Forwarded-For", Api.newClientIp()).contentType(ContentType.JSON).body("{}");
    }

    /** The operation, from a new address, with an empty JSON body if it takes one. */
    private static io.restassured.response.Response send(RequestSpecification request, Operation operation) {
        RequestSpecification sent = Set.of("POST", "PUT", "PATCH").contains(operation.method()) ? withBody(request)
                : request.header("X-Forwarded-For", Api.newClientIp());
        return sent.request(operation.method(), operation.concretePath());
    }

    @Test
    void contractListsTheModerationAndAdminOperations() {
        List<Operation> operations = protectedOperations();
        assertTrue(operations.size() >= 7, "operations found: " + operations);
        assertTrue(operations.contains(new Operation("GET", "/api/v1/moderation/queue")), operations.toString());
        assertTrue(operations.contains(new Operation("POST", "/api/v1/admin/moderators")), operations.toString());
    }

    @Test
    void anonymousCallersGet401WithAChallenge() {
        for (Operation operation : protectedOperations()) {
            send(given(), operation)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Basic"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void wrongPasswordsGet401() {
        for (Operation operation : protectedOperations()) {
            send(given().auth().preemptive().basic("admin", "not-the-password"), operation)
                    .then().statusCode(401).contentType("application/problem+json");
            send(given().auth().preemptive().basic("nobody", "whatever"), operation)
                    .then().statusCode(401);
        }
    }

    @Test
    void moderatorsGet403OnAdminOperations() {
        List<Operation> admin = protectedOperations().stream().filter(Operation::adminOnly).toList();
        assertFalse(admin.isEmpty());
        for (Operation operation : admin) {
            send(given().auth().preemptive().basic(moderator(), MODERATOR_PASSWORD), operation)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void moderatorsReachModerationOperations() {
        for (Operation operation : protectedOperations()) {
            if (!operation.adminOnly()) {
                int status = send(given().auth().preemptive().basic(moderator(), MODERATOR_PASSWORD), operation)
                        .then().extract().statusCode();
                assertTrue(status != 401 && status != 403 && status < 500, operation + " answered " + status);
            }
        }
    }

    @Test
    void repeatedFailedLoginsFromOneAddressAreThrottled() {
        String ip = Api.newClientIp();
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", ip).auth().preemptive().basic("admin", "guess-" + i)
                    .get("/api/v1/moderation/queue").then().statusCode(401);
        }
        Response throttled = given().header("X-Forwarded-For", ip).auth().preemptive().basic("admin", "guess-10")
                .get("/api/v1/moderation/queue");
        throttled.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:rate-limited"));
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // Even the right password waits: the address is throttled, not the account.
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD)
                .get("/api/v1/moderation/queue").then().statusCode(429);
        given().header("X-Forwarded-For", Api.newClientIp()).auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD)
                .get("/api/v1/moderation/queue").then().statusCode(200);
        // Public endpoints are not affected.
        given().header("X-Forwarded-For", ip).get("/api/v1/articles/{key}/comments", Api.newArticleKey("throttle"))
                .then().statusCode(200);
    }

    @Test
    void publicReadsIgnoreAStrayAuthorizationHeader() {
        given().auth().preemptive().basic("nobody", "whatever")
                .get("/api/v1/articles/{key}/comments", Api.newArticleKey("stray"))
                .then().statusCode(200);
    }
}
