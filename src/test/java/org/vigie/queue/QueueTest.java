package org.vigie.queue;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The moderators' queues: which comments they hold, in what order, with what to decide on. */
@QuarkusTest
class QueueTest {

    private static final String QUEUE = "/api/v1/moderation/queue";

    private static void report(long id, String reason) {
        Api.reader().body(Map.of("reason", reason, "reporterId", UUID.randomUUID().toString()))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
    }

    private static JsonPath queue(String status, String key, Object... more) {
        var request = Api.admin().queryParam("status", status).queryParam("articleKey", key);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.get(QUEUE).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void itemsCarryWhatAModeratorNeedsToDecide() {
        String key = Api.newArticleKey("queue-item");
        Api.configure(key, Map.of("premoderated", true, "title", "Le titre"));
        String email = Api.newEmail();
        String ip = Api.newClientIp();
        long earlier = Api.reader(ip).body(Api.comment("Jo", email, "Premier avis")).post("/api/v1/articles/{key}/comments", key)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.decide(earlier, "APPROVE");
        long held = Api.reader(ip).body(Api.comment("Jo", email, "Second avis")).post("/api/v1/articles/{key}/comments", key)
                .then().statusCode(201).extract().jsonPath().getLong("id");

        JsonPath page = queue("PENDING", key);
        assertEquals(List.of((int) held), page.getList("items.id"));
        assertEquals("Le titre", page.getString("items[0].articleTitle"));
        assertEquals(email, page.getString("items[0].authorEmail"));
        assertEquals(8, page.getString("items[0].ipHashPrefix").length());
        assertEquals(Map.of("approved", 1, "rejected", 0, "pending", 1), page.getMap("items[0].authorHistory"));
        assertEquals(0, page.getInt("items[0].reports.count"));
        assertTrue(page.getInt("items[0].version") >= 0);
        assertEquals("article.premoderated", page.getString("items[0].matches.find { it.decisive }.ruleId"));
    }

    @Test
    void reportedCommentsWaitInTheReportedQueueUntilAModeratorDecides() {
        String key = Api.newArticleKey("queue-reported");
        Api.configure(key, Map.of("premoderated", true));
        long approved = Api.post(key, "Approuvé puis signalé");
        Api.decide(approved, "APPROVE");
        Api.configure(key, Map.of("premoderated", false));
        long fresh = Api.post(key, "Signalé sans avoir été vu");
        report(approved, "ABUSE");
        report(fresh, "SPAM");
        report(fresh, "SPAM");

        JsonPath reported = queue("REPORTED", key);
        assertEquals(List.of((int) approved, (int) fresh), reported.getList("items.id"));
        assertEquals(true, reported.getBoolean("items[0].reports.previouslyApproved"));
        assertEquals(false, reported.getBoolean("items[1].reports.previouslyApproved"));
        assertEquals(Map.of("SPAM", 2), reported.getMap("items[1].reports.reasons"));

        Api.admin().body(Map.of("action", "REJECT", "version", reported.getInt("items[1].version")))
                .post("/api/v1/moderation/comments/{id}/decision", fresh).then().statusCode(200);
        assertEquals(List.of((int) approved), queue("REPORTED", key).getList("items.id"),
                "a decision takes a comment out of the reported queue");
    }

    @Test
    void queuesSortNewestFirstOrByReportsAcrossPages() {
        String key = Api.newArticleKey("queue-sort");
        long a = Api.post(key, "Un " + UUID.randomUUID());
        long b = Api.post(key, "Deux " + UUID.randomUUID());
        long c = Api.post(key, "Trois " + UUID.randomUUID());
        report(b, "SPAM");
        report(c, "SPAM");
        report(c, "OFF_TOPIC");
        report(a, "SPAM");
        report(a, "SPAM");
        report(a, "ABUSE");
        // a: 3 reporters (hidden by the default rules), c: 2, b: 1

        assertEquals(List.of(a, c, b).stream().map(Long::intValue).toList(),
                Api.idsOfAllPages(() -> Api.admin().queryParam("status", "REPORTED").queryParam("articleKey", key)
                        .queryParam("sort", "most-reported").queryParam("limit", 1), QUEUE));
        assertEquals(List.of(c, b, a).stream().map(Long::intValue).toList(),
                Api.idsOfAllPages(() -> Api.admin().queryParam("status", "REPORTED").queryParam("articleKey", key)
                        .queryParam("sort", "newest").queryParam("limit", 2), QUEUE));
        assertEquals(List.of(a, b, c).stream().map(Long::intValue).toList(),
                Api.idsOfAllPages(() -> Api.admin().queryParam("status", "REPORTED").queryParam("articleKey", key)
                        .queryParam("limit", 2), QUEUE));
        String newestCursor = queue("REPORTED", key, "sort", "newest", "limit", 1).getString("nextCursor");
        Api.admin().queryParam("status", "REPORTED").queryParam("sort", "oldest").queryParam("cursor", newestCursor)
                .get(QUEUE).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void textSearchFindsWordsInTheirFrenchForms() {
        String key = Api.newArticleKey("queue-search");
        Api.configure(key, Map.of("premoderated", true));
        long taxes = Api.post(key, "Les impôts augmentent encore cette année");
        long other = Api.post(key, "Le match de football était superbe");
        assertEquals(List.of((int) taxes), queue("PENDING", key, "q", "impôt").getList("items.id"));
        assertEquals(List.of((int) other), queue("PENDING", key, "q", "football").getList("items.id"));
        assertEquals(1, queue("PENDING", key, "q", "impôt").getInt("total"));
        assertEquals(List.of(), queue("PENDING", key, "q", "élection").getList("items.id"));
    }

    @Test
    void countsAreGivenPerQueueAndPerArticle() {
        String key = Api.newArticleKey("queue-counts");
        Api.configure(key, Map.of("premoderated", true));
        Api.post(key, "Un");
        Api.post(key, "Deux");
        Api.configure(key, Map.of("premoderated", false));
        long visible = Api.post(key, "Trois");
        report(visible, "SPAM");
        Api.admin().queryParam("articleKey", key).get(QUEUE + "/counts").then().statusCode(200)
                .body("PENDING", equalTo(2))
                .body("REPORTED", equalTo(1))
                .body("FLAGGED", equalTo(1))
                .body("APPROVED", equalTo(1))
                .body("REJECTED", equalTo(0));
        Api.admin().queryParam("limit", 500).get(QUEUE + "/counts/by-article").then().statusCode(200)
                .body("find { it.articleKey == '" + key + "' }.pending", equalTo(2))
                .body("find { it.articleKey == '" + key + "' }.reported", equalTo(1));
    }

    @Test
    void theFullViewOfACommentHasItsReportsAndItsHistory() {
        String key = Api.newArticleKey("queue-detail");
        long id = Api.post(key, "Un avis à examiner");
        report(id, "SPAM");
        Api.reader().body(Map.of("reason", "OTHER", "details", "Hors sujet et agressif")).post("/api/v1/comments/{id}/reports", id)
                .then().statusCode(202);
        Api.decide(id, "REJECT");
        JsonPath detail = Api.admin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", detail.getString("status"));
        assertEquals(2, detail.getList("reportList").size());
        assertEquals("Hors sujet et agressif", detail.getString("reportList[1].details"));
        assertEquals(List.of("POST", "REJECT"), detail.getList("history.action"));
        assertEquals(List.of("RULE", "MODERATOR"), detail.getList("history.by"));
        assertEquals("admin", detail.getString("history[1].actor"));
        Api.admin().get("/api/v1/moderation/comments/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void queueParametersAreValidated() {
        Api.admin().queryParam("sort", "random").get(QUEUE).then().statusCode(400).body("errors[0].field", equalTo("sort"));
        Api.admin().queryParam("status", "DELETED").get(QUEUE).then().statusCode(400).body("errors[0].field", equalTo("status"));
        Api.admin().queryParam("q", "x".repeat(201)).get(QUEUE).then().statusCode(400).body("errors[0].field", equalTo("q"));
        Api.admin().queryParam("q", "\"unbalanced -(").get(QUEUE).then().statusCode(200);
        Api.admin().queryParam("q", "a\u0000b").get(QUEUE).then().statusCode(400).body("errors[0].field", equalTo("q"));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("PENDING-OLDEST:-999999999999999999:1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.admin().queryParam("cursor", forged).get(QUEUE).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        String tooMany = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("REPORTED-MOST_REPORTED:99999999999:1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.admin().queryParam("status", "REPORTED").queryParam("sort", "most-reported").queryParam("cursor", tooMany)
                .get(QUEUE).then().statusCode(400);
        Api.admin().queryParam("from", "+1000000-01-01T00:00:00Z").get("/api/v1/moderation/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Api.admin().queryParam("status", "VISIBLE").get(QUEUE).then().statusCode(200);
    }
}
