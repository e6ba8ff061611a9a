package org.vigie.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StatsTest {

    private static final String STATS = "/api/v1/moderation/stats";

    @Inject
    Database database;

    private static long hits(JsonPath stats, String rule, String kind) {
        Object value = stats.get("ruleHits.find { it.ruleId == '" + rule + "' }." + kind);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static JsonPath stats() {
        return Api.admin().queryParam("days", 7).get(STATS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void statsCountWhatHappenedInTheWindow() {
        String statistician = "stats-" + UUID.randomUUID().toString().substring(0, 6);
        Api.admin().body(Map.of("username", statistician, "password", "stats passphrase", "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        JsonPath before = stats();
        String key = Api.newArticleKey("stats");
        Api.configure(key, Map.of("premoderated", true));
        long a = Api.post(key, "Un " + UUID.randomUUID());
        long b = Api.post(key, "Deux " + UUID.randomUUID());
        Api.post(key, "Espèce de bougnoule " + UUID.randomUUID());
        for (long id : new long[] { a, b }) {
            Api.as(statistician, "stats passphrase").body(Map.of("action", id == a ? "APPROVE" : "REJECT",
                    "version", Api.version(id), "reason", "OTHER")).post("/api/v1/moderation/comments/{id}/decision", id)
                    .then().statusCode(200);
        }
        Api.configure(key, Map.of("premoderated", false));
        long visible = Api.post(key, "Trois " + UUID.randomUUID());
        Api.reader().body(Map.of("reason", "SPAM")).post("/api/v1/comments/{id}/reports", visible).then().statusCode(202);

        JsonPath after = stats();
        assertEquals(7, after.getInt("days"));
        assertEquals(2, after.getLong("comments.REJECTED") - before.getLong("comments.REJECTED"), "b and the slur");
        assertEquals(Map.of("APPROVE", 1, "REJECT", 1), after.getMap("decisionsByModerator." + statistician));
        assertEquals(2, after.getLong("timeToDecision.decisions") - before.getLong("timeToDecision.decisions"));
        Object spamBefore = before.get("reportsByReason.SPAM");
        assertEquals(1, after.getLong("reportsByReason.SPAM") - (spamBefore == null ? 0 : ((Number) spamBefore).longValue()));
        assertEquals(1, hits(after, "hate", "decisive") - hits(before, "hate", "decisive"));
        assertEquals(4, hits(after, "new-author", "shadow") - hits(before, "new-author", "shadow"),
                "four comments by new authors");
        Api.admin().queryParam("days", 0).get(STATS).then().statusCode(400);
    }

    @Test
    void aCommentDecidedTwiceCountsOnceInTimeToDecision() {
        String key = Api.newArticleKey("stats-twice");
        Api.configure(key, Map.of("premoderated", true));
        long id = Api.post(key, "Deux décisions " + UUID.randomUUID());
        JsonPath before = stats();
        Api.decide(id, "APPROVE");
        Api.decide(id, "REJECT");
        assertEquals(1, stats().getLong("timeToDecision.decisions") - before.getLong("timeToDecision.decisions"));
    }
}
