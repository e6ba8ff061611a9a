package org.vigie.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Afterwards, who did what: the audit trail. */
@QuarkusTest
class AuditTest {

    @Inject
    Clock clock;

    private static final String AUDIT = "/api/v1/moderation/audit";

    @Test
    void theTrailShowsRulesAndModeratorsNewestFirst() {
        String camille = "camille-" + UUID.randomUUID().toString().substring(0, 6);
        Api.admin().body(Map.of("username", camille, "password", "camille passphrase", "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        Instant start = clock.instant().minusSeconds(1);
        String key = Api.newArticleKey("audit");
        Api.configure(key, Map.of("premoderated", true));
        long id = Api.post(key, "Un avis à trancher");
        Api.as(camille, "camille passphrase").body(Map.of("action", "APPROVE", "version", Api.version(id), "note", "ok"))
                .post("/api/v1/moderation/comments/{id}/decision", id).then().statusCode(200);
        Api.decide(id, "REJECT");

        JsonPath trail = Api.admin().queryParam("commentId", id).get(AUDIT).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("REJECT", "APPROVE", "POST"), trail.getList("items.change.action"));
        assertEquals(List.of("admin", camille, "article.premoderated"), trail.getList("items.change.actor"));
        assertEquals(List.of("MODERATOR", "MODERATOR", "RULE"), trail.getList("items.change.by"));
        assertTrue(trail.getInt("items[2].change.ruleSetVersion") > 0);
        assertEquals("ok", trail.getString("items[1].change.note"));

        Api.admin().queryParam("moderator", camille).get(AUDIT).then().statusCode(200)
                .body("items.commentId", org.hamcrest.Matchers.contains((int) id));
        Api.admin().queryParam("moderator", camille).queryParam("from", start.toString())
                .queryParam("to", clock.instant().plusSeconds(60).toString()).get(AUDIT).then()
                .body("items.size()", equalTo(1));
        Api.admin().queryParam("moderator", camille).queryParam("to", start.toString()).get(AUDIT).then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void theTrailIsPagedAndValidated() {
        String key = Api.newArticleKey("audit-pages");
        long id = Api.post(key, "Un");
        Api.decide(id, "REJECT");
        Api.decide(id, "APPROVE");
        Api.decide(id, "REJECT");
        List<Integer> ids = Api.idsOfAllPages(() -> Api.admin().queryParam("commentId", id).queryParam("limit", 1), AUDIT);
        assertEquals(4, ids.size());
        assertEquals(4, ids.stream().distinct().count());
        Api.admin().queryParam("from", "yesterday").get(AUDIT).then().statusCode(400).body("errors[0].field", equalTo("from"));
        Api.admin().queryParam("commentId", "x").get(AUDIT).then().statusCode(400).body("errors[0].field", equalTo("commentId"));
        Api.admin().queryParam("cursor", "nope").get(AUDIT).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
