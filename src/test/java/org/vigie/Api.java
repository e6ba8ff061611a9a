package org.vigie;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Shared moves of the HTTP tests: fresh article keys, readers at their own address, moderators. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private Api() {
    }

    /** A key no other test uses. */
    public static String newArticleKey(String prefix) {
        return prefix + "/" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A client address no other test uses, so rate limits don't leak between tests. */
    public static String newClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A reader's request, arriving through the trusted proxy from {@code ip}. */
    public static RequestSpecification reader(String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON);
    }

    public static RequestSpecification reader() {
        return reader(newClientIp());
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    public static Map<String, Object> comment(String name, String email, String body) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("authorName", name);
        comment.put("authorEmail", email);
        comment.put("body", body);
        return comment;
    }

    public static Map<String, Object> reply(String name, String email, String body, long parentId) {
        Map<String, Object> reply = comment(name, email, body);
        reply.put("parentId", parentId);
        return reply;
    }

    /** Posts and returns the new id, checking the 201. */
    public static long post(String articleKey, Map<String, Object> comment) {
        return reader().body(comment)
                .when().post("/api/v1/articles/{key}/comments", articleKey)
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Posts as a reader of their own: the default rules hold the same text twice from one email. */
    public static long post(String articleKey, String body) {
        return post(articleKey, comment("Lectrice", newEmail(), body));
    }

    public static String newEmail() {
        return "lectrice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Follows nextCursor from the first page to the last and returns the ids of every item, in order. */
    public static List<Integer> idsOfAllPages(Supplier<RequestSpecification> request, String path, Object... pathParams) {
        List<Integer> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = request.get();
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            JsonPath json = page.get(path, pathParams).then().statusCode(200).extract().jsonPath();
            ids.addAll(json.getList("items.id"));
            cursor = json.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /** Creates or updates an article's settings as admin. */
    public static void configure(String articleKey, Map<String, Object> settings) {
        admin().body(settings)
                .when().put("/api/v1/moderation/articles/{key}", articleKey)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** The comment's current version, as a moderator reads it before deciding. */
    public static int version(long commentId) {
        return admin().get("/api/v1/moderation/comments/{id}", commentId).then().statusCode(200).extract().path("version");
    }

    /** Decides on the comment's current version. */
    public static void decide(long commentId, String action) {
        admin().body(Map.of("action", action, "version", version(commentId)))
                .when().post("/api/v1/moderation/comments/{id}/decision", commentId)
                .then().statusCode(200).body("status", equalTo("APPROVE".equals(action) ? "VISIBLE" : "REJECTED"));
    }
}
