package org.vigie.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Decisions name the version they were made on: two moderators never silently overwrite each other. */
@QuarkusTest
class DecisionTest {

    private static final String DECISION = "/api/v1/moderation/comments/{id}/decision";

    @Inject
    Database database;

    @Test
    void aDecisionOnTheCurrentVersionAppliesAndGivesTheNextVersion() {
        long id = Api.post(Api.newArticleKey("decide"), "Un avis");
        int version = Api.version(id);
        Api.admin().body(Map.of("action", "REJECT", "version", version, "reason", "SPAM", "note", "Publicité déguisée"))
                .post(DECISION, id).then().statusCode(200)
                .body("previousStatus", equalTo("VISIBLE"))
                .body("status", equalTo("REJECTED"))
                .body("version", equalTo(version + 1))
                .body("decidedBy", equalTo("admin"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND actor = 'admin'"
                + " AND action = 'REJECT' AND reason = 'SPAM' AND note = 'Publicité déguisée'", id));
    }

    @Test
    void aDecisionOnAnOlderVersionIsAConflictAndChangesNothing() {
        long id = Api.post(Api.newArticleKey("stale"), "Un avis");
        int seen = Api.version(id);
        // Meanwhile a reader reports it: the comment changes under the moderator's eyes.
        Api.reader().body(Map.of("reason", "SPAM")).post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        Api.admin().body(Map.of("action", "REJECT", "version", seen)).post(DECISION, id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:stale-version"))
                .body("errors[0].field", equalTo("version"));
        assertEquals("VISIBLE", database.single("SELECT status FROM comment WHERE id = ?", id));
        Api.admin().header("If-Match", "\"" + Api.version(id) + "\"").body(Map.of("action", "REJECT"))
                .post(DECISION, id).then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void approvingAVisibleCommentKeepsItAgainstReportsAndClearsItsFlag() {
        String key = Api.newArticleKey("approve-visible");
        long id = Api.post(key, "Un avis controversé");
        Api.reader().body(Map.of("reason", "ABUSE")).post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        Api.decide(id, "APPROVE");
        assertEquals(false, database.single("SELECT flagged FROM comment WHERE id = ?", id));
        for (int i = 0; i < 3; i++) {
            Api.reader().body(Map.of("reason", "ABUSE", "reporterId", UUID.randomUUID().toString()))
                    .post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        }
        assertEquals("VISIBLE", database.single("SELECT status FROM comment WHERE id = ?", id));
    }

    @Test
    void twoModeratorsDecidingAtOnceGetOneSuccessAndOneConflict() throws Exception {
        long id = Api.post(Api.newArticleKey("race"), "Un avis disputé");
        int version = Api.version(id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> decisions = new ArrayList<>();
            for (String action : List.of("APPROVE", "REJECT")) {
                decisions.add(() -> Api.admin().body(Map.of("action", action, "version", version)).post(DECISION, id)
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(decisions)) {
                statuses.add(status.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND actor_kind = 'MODERATOR'", id),
                "the audit trail agrees: one decision");
        String action = (String) database.single("SELECT action FROM audit_entry WHERE comment_id = ? AND actor_kind = 'MODERATOR'", id);
        String status = (String) database.single("SELECT status FROM comment WHERE id = ?", id);
        assertEquals(action.equals("APPROVE") ? "VISIBLE" : "REJECTED", status);
    }

    @Test
    void bulkDecisionsGiveEachCommentItsOwnResult() {
        String key = Api.newArticleKey("bulk");
        Api.configure(key, Map.of("premoderated", true));
        long a = Api.post(key, "Un " + UUID.randomUUID());
        long b = Api.post(key, "Deux " + UUID.randomUUID());
        long c = Api.post(key, "Trois " + UUID.randomUUID());
        int staleC = Api.version(c);
        Api.decide(c, "REJECT");
        JsonPath result = Api.admin().body(Map.of("action", "APPROVE", "reason", "OTHER", "items", List.of(
                Map.of("id", a, "version", Api.version(a)),
                Map.of("id", b, "version", Api.version(b)),
                Map.of("id", c, "version", staleC),
                Map.of("id", Long.MAX_VALUE, "version", 0))))
                .post("/api/v1/moderation/decisions").then().statusCode(200).extract().jsonPath();
        assertEquals(2, result.getInt("ok"));
        assertEquals(1, result.getInt("conflicts"));
        assertEquals(1, result.getInt("notFound"));
        assertEquals(List.of("ok", "ok", "conflict", "not_found"), result.getList("results.outcome"));
        assertEquals("VISIBLE", result.getString("results[0].status"));
        given().get("/api/v1/articles/{key}/comments", key).then().body("total", equalTo(2));
        assertEquals("REJECTED", database.single("SELECT status FROM comment WHERE id = ?", c), "the conflict changed nothing");
    }

    @Test
    void bulkDecisionsAreBounded() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            items.add(Map.of("id", i + 1, "version", 0));
        }
        Api.admin().body(Map.of("action", "APPROVE", "items", items)).post("/api/v1/moderation/decisions").then()
                .statusCode(400).body("errors[0].field", equalTo("items"));
        Api.admin().body(Map.of("action", "APPROVE", "items", List.of())).post("/api/v1/moderation/decisions").then()
                .statusCode(400).body("errors[0].field", equalTo("items"));
        Api.admin().body(Map.of("action", "APPROVE", "items", List.of(Map.of("id", 1)))).post("/api/v1/moderation/decisions")
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].version"));
    }
}
