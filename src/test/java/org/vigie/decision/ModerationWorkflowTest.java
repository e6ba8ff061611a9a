package org.vigie.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ModerationWorkflowTest {

    private static final String SETTINGS = "/api/v1/moderation/articles/{key}";
    private static final String QUEUE = "/api/v1/moderation/queue";
    private static final String DECISION = "/api/v1/moderation/comments/{id}/decision";

    @Inject
    Database database;

    @Test
    void settingsAreCreatedThenUpdatedField() {
        String key = Api.newArticleKey("settings");
        Api.admin().get(SETTINGS, key).then().statusCode(404).contentType("application/problem+json");

        Api.admin().body(Map.of("title", "Le budget voté", "url", "https://journal.example/budget"))
                .when().put(SETTINGS, key)
                .then().statusCode(201)
                .body("articleKey", equalTo(key))
                .body("title", equalTo("Le budget voté"))
                .body("open", equalTo(true))
                .body("premoderated", equalTo(false))
                .body("commentCount", equalTo(0));

        Api.admin().body(Map.of("premoderated", true))
                .when().put(SETTINGS, key)
                .then().statusCode(200)
                .body("premoderated", equalTo(true))
                .body("title", equalTo("Le budget voté"))
                .body("url", equalTo("https://journal.example/budget"));

        Api.admin().get(SETTINGS, key).then().statusCode(200).body("premoderated", equalTo(true));
    }

    @Test
    void invalidSettingsAreRefused() {
        String key = Api.newArticleKey("bad-settings");
        Api.admin().body(Map.of("url", "javascript:alert(1)"))
                .when().put(SETTINGS, key)
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        Api.admin().body("{\"open\":\"perhaps\"}")
                .when().put(SETTINGS, key)
                .then().statusCode(400).body("errors[0].field", equalTo("open"));
        Api.admin().get(SETTINGS, key).then().statusCode(404);
    }

    @Test
    void premoderatedArticleHoldsCommentsUntilApproved() {
        String key = Api.newArticleKey("premoderated");
        Api.configure(key, Map.of("premoderated", true));
        long held = Api.post(key, Api.comment("Eve", "eve@example.org", "Mon avis"));

        JsonPath queue = Api.admin().queryParam("articleKey", key).get(QUEUE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, queue.getInt("total"));
        assertEquals((int) held, queue.getInt("items[0].id"));
        assertEquals("eve@example.org", queue.getString("items[0].authorEmail"));
        assertEquals("PENDING", queue.getString("items[0].status"));
        assertEquals("article.premoderated", queue.getString("items[0].matches.find { it.decisive }.ruleId"));
        assertEquals(key, queue.getString("items[0].articleKey"));

        Api.admin().body(Map.of("action", "APPROVE", "note", "Rien à redire", "version", Api.version(held)))
                .when().post(DECISION, held)
                .then().statusCode(200)
                .body("commentId", equalTo((int) held))
                .body("previousStatus", equalTo("PENDING"))
                .body("status", equalTo("VISIBLE"))
                .body("decidedBy", equalTo("admin"))
                .body("decidedAt", notNullValue());

        given().get("/api/v1/articles/{key}/comments", key).then()
                .body("total", equalTo(1))
                .body("items.id", contains((int) held));
        Api.admin().queryParam("articleKey", key).get(QUEUE).then().body("items", empty()).body("total", equalTo(0));

        Api.admin().queryParam("status", "VISIBLE").queryParam("articleKey", key).get(QUEUE).then()
                .body("items[0].matches.findAll { it.decisive }.ruleId", contains("article.premoderated", "moderator.decision"));
        assertEquals(1, database.count(
                "SELECT count(*) FROM audit_entry WHERE comment_id = ? AND actor_kind = 'MODERATOR' AND actor = 'admin'"
                        + " AND action = 'APPROVE' AND from_status = 'PENDING' AND to_status = 'VISIBLE'"
                        + " AND note = 'Rien à redire'", held));
        assertEquals(1, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND actor_kind = 'RULE'"
                + " AND actor = 'article.premoderated' AND action = 'POST' AND from_status IS NULL AND to_status = 'PENDING'",
                held), "the rule that held it is in the audit trail too");
    }

    @Test
    void rejectingHidesACommentAndUpdatesCounts() {
        String key = Api.newArticleKey("reject");
        long root = Api.post(key, "Racine");
        long reply = Api.post(key, Api.reply("B", Api.newEmail(), "Réponse", root));
        given().get("/api/v1/articles/{key}/comments", key).then().body("total", equalTo(2))
                .body("items[0].replyCount", equalTo(1));

        Api.decide(reply, "REJECT");
        given().get("/api/v1/articles/{key}/comments", key).then()
                .body("total", equalTo(1))
                .body("items[0].replyCount", equalTo(0))
                .body("items[0].replies", empty());
        given().get("/api/v1/comments/{id}", reply).then().statusCode(404);
        Api.admin().queryParam("status", "REJECTED").queryParam("articleKey", key).get(QUEUE).then()
                .body("items.id", contains((int) reply));

        Api.decide(reply, "APPROVE");
        given().get("/api/v1/articles/{key}/comments", key).then().body("total", equalTo(2))
                .body("items[0].replyCount", equalTo(1));
    }

    @Test
    void aDecisionWithoutAVersionIsRefused() {
        String key = Api.newArticleKey("no-version");
        long id = Api.post(key, "Visible");
        Api.admin().body(Map.of("action", "REJECT")).when().post(DECISION, id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND actor_kind = 'MODERATOR'", id));
        given().get("/api/v1/comments/{id}", id).then().statusCode(200);
    }

    @Test
    void decisionOnAnUnknownCommentIsNotFound() {
        Api.admin().body(Map.of("action", "REJECT", "version", 0)).when().post(DECISION, Long.MAX_VALUE)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidDecisionIsRefused() {
        String key = Api.newArticleKey("bad-decision");
        long id = Api.post(key, "x");
        Api.admin().body(Map.of("action", "DELETE")).when().post(DECISION, id)
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        Api.admin().body(Map.of("note", "no action")).when().post(DECISION, id)
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        Api.admin().body(Map.of("action", "REJECT", "reason", "RUDE", "version", 0)).when().post(DECISION, id)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Api.admin().body(Map.of("action", "REJECT", "note", "n".repeat(2001), "version", 0)).when().post(DECISION, id)
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        Api.admin().body(Map.of("action", "REJECT", "version", -1)).when().post(DECISION, id)
                .then().statusCode(400).body("errors[0].field", equalTo("version"));
        Api.admin().header("If-Match", "soon").body(Map.of("action", "REJECT")).when().post(DECISION, id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().get("/api/v1/comments/{id}", id).then().statusCode(200);
    }

    @Test
    void closedArticleRefusesCommentsAndStoresNothing() {
        String key = Api.newArticleKey("closed");
        long before = Api.post(key, "Avant la fermeture");
        Api.configure(key, Map.of("open", false));
        Api.reader().body(Api.comment("A", Api.newEmail(), "Trop tard"))
                .when().post("/api/v1/articles/{key}/comments", key)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:article-closed"));
        Api.reader().body(Api.reply("A", Api.newEmail(), "Trop tard", before))
                .when().post("/api/v1/articles/{key}/comments", key)
                .then().statusCode(409);
        assertEquals(1, database.commentsOf(key));
        given().get("/api/v1/articles/{key}/comments", key).then().body("items.id", contains((int) before));
    }

    @Test
    void queueListsOldestFirstAcrossPages() {
        String key = Api.newArticleKey("queue");
        Api.configure(key, Map.of("premoderated", true));
        long a = Api.post(key, "a");
        long b = Api.post(key, "b");
        long c = Api.post(key, "c");

        JsonPath first = Api.admin().queryParam("articleKey", key).queryParam("limit", 2).get(QUEUE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) a, (int) b), first.getList("items.id"));
        assertEquals(3, first.getInt("total"));
        String cursor = first.getString("nextCursor");
        Api.admin().queryParam("articleKey", key).queryParam("limit", 2).queryParam("cursor", cursor).get(QUEUE)
                .then().statusCode(200)
                .body("items.id", contains((int) c))
                .body("nextCursor", nullValue());
    }

    @Test
    void queueWithoutArticleListsEveryArticle() {
        String one = Api.newArticleKey("queue-all");
        String two = Api.newArticleKey("queue-all");
        Api.configure(one, Map.of("premoderated", true));
        Api.configure(two, Map.of("premoderated", true));
        long x = Api.post(one, "x");
        long y = Api.post(two, "y");
        // Other tests hold comments too: page through the whole queue.
        List<Integer> seen = Api.idsOfAllPages(() -> Api.admin().queryParam("limit", 200), QUEUE);
        org.hamcrest.MatcherAssert.assertThat(seen, org.hamcrest.Matchers.hasItems((int) x, (int) y));
    }

    @Test
    void queueParametersAreValidated() {
        Api.admin().queryParam("status", "LOST").get(QUEUE).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.admin().queryParam("limit", 201).get(QUEUE).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Api.admin().queryParam("cursor", "nope").get(QUEUE).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.admin().queryParam("articleKey", "a b").get(QUEUE).then().statusCode(400)
                .body("errors.field", hasItem("articleKey"));
    }

    @Test
    void everyCommentRecordsWhyItGotItsStatus() {
        String key = Api.newArticleKey("reasons");
        long id = Api.post(key, "Visible");
        String matches = database.single("SELECT matches::text FROM comment WHERE id = ?", id).toString();
        org.hamcrest.MatcherAssert.assertThat(matches, org.hamcrest.Matchers.containsString("\"ruleId\": \"default\""));
        Api.admin().queryParam("status", "VISIBLE").queryParam("articleKey", key).get(QUEUE).then()
                .body("items[0].matches.findAll { it.decisive }", hasSize(1))
                .body("items[0].matches.find { it.decisive }.ruleId", equalTo("default"))
                .body("items[0].matches.find { it.decisive }.explanation", notNullValue());
    }
}
