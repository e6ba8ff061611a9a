package org.vigie.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
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

@QuarkusTest
class ReportResourceTest {

    private static final String REPORTS = "/api/v1/comments/{id}/reports";

    @Inject
    Database database;

    private static Map<String, Object> report(String reason, String reporterId) {
        Map<String, Object> report = new HashMap<>();
        report.put("reason", reason);
        if (reporterId != null) {
            report.put("reporterId", reporterId);
        }
        return report;
    }

    private static void reportAs(long id, String reason, String reporterId) {
        Api.reader().body(report(reason, reporterId)).post(REPORTS, id).then().statusCode(202);
    }

    private String status(long id) {
        return (String) database.single("SELECT status FROM comment WHERE id = ?", id);
    }

    @Test
    void aFirstReportIsThankedAndPutsTheCommentInTheReviewQueue() {
        String key = Api.newArticleKey("report-first");
        long id = Api.post(key, "Un avis tranché");
        Api.reader().body(report("SPAM", null)).post(REPORTS, id).then().statusCode(202)
                .contentType("application/json")
                .body("message", equalTo("Merci pour votre signalement. Un modérateur va examiner ce commentaire."));
        Api.reader().header("Accept-Language", "en").body(report("OFF_TOPIC", null)).post(REPORTS, id).then()
                .statusCode(202).body("message", equalTo("Thank you for your report. A moderator will look at this comment."));

        assertEquals("VISIBLE", status(id), "two reports: flagged, still visible");
        given().get("/api/v1/articles/{key}/comments", key).then().body("items.id", hasItem((int) id))
                .body(not(containsString("reportCount"))).body(not(containsString("flagged")));
        Api.admin().queryParam("status", "FLAGGED").queryParam("articleKey", key).get("/api/v1/moderation/queue").then()
                .body("items.id", hasItem((int) id));
        assertEquals(2L, database.count("SELECT report_count FROM comment WHERE id = ?", id));
    }

    @Test
    void aReaderCountsOnceWhetherKnownByIdOrByAddress() {
        long id = Api.post(Api.newArticleKey("report-once"), "Un avis");
        String reporter = "cookie-" + UUID.randomUUID();
        reportAs(id, "SPAM", reporter);
        reportAs(id, "ABUSE", reporter);
        String ip = Api.newClientIp();
        Api.reader(ip).body(report("SPAM", null)).post(REPORTS, id).then().statusCode(202);
        Api.reader(ip).body(report("SPAM", null)).post(REPORTS, id).then().statusCode(202);
        assertEquals(2L, database.count("SELECT count(*) FROM report WHERE comment_id = ?", id));
        assertEquals(2L, database.count("SELECT report_count FROM comment WHERE id = ?", id));
        assertEquals(0L, database.count("SELECT count(*) FROM report WHERE reporter LIKE ?", "%" + reporter + "%"),
                "the reporter id is stored only as a keyed hash");
    }

    @Test
    void oneReaderCannotPassForSeveralWithSeveralReporterIds() {
        long id = Api.post(Api.newArticleKey("report-forged"), "Un avis qui dérange un seul lecteur");
        String ip = Api.newClientIp();
        for (int i = 0; i < 3; i++) {
            Api.reader(ip).body(report("ABUSE", "forged-" + i + "-" + UUID.randomUUID())).post(REPORTS, id).then()
                    .statusCode(202);
        }
        assertEquals(1L, database.count("SELECT report_count FROM comment WHERE id = ?", id));
        assertEquals("VISIBLE", status(id), "three ids from one address are one reader: not hidden");
    }

    @Test
    void reportersPerReasonAreCountedByAddressToo() {
        long id = Api.post(Api.newArticleKey("report-forged-reason"), "Un avis qui dérange");
        String ip = Api.newClientIp();
        for (int i = 0; i < 3; i++) {
            Api.reader(ip).body(report("ABUSE", "forged-" + i + "-" + UUID.randomUUID())).post(REPORTS, id).then()
                    .statusCode(202);
        }
        reportAs(id, "ABUSE", null);
        reportAs(id, "ABUSE", null);
        assertEquals("PENDING", status(id), "three addresses: hidden");
        // The rules saw three readers reporting abuse, not the five reports sent.
        Api.admin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200)
                .body("matches.find { it.ruleId == 'reported-often' }.evidence.original",
                        equalTo("3 signalement(s) : {ABUSE=3}"))
                .body("reports.count", equalTo(3))
                .body("reports.reasons.ABUSE", equalTo(3));
    }

    @Test
    void threeDistinctReportersHideTheCommentUntilAModeratorLooks() {
        String key = Api.newArticleKey("report-three");
        long id = Api.post(key, "Un avis discutable");
        reportAs(id, "ABUSE", "r1-" + UUID.randomUUID());
        reportAs(id, "ABUSE", "r2-" + UUID.randomUUID());
        assertEquals("VISIBLE", status(id));
        reportAs(id, "SPAM", "r3-" + UUID.randomUUID());
        assertEquals("PENDING", status(id));
        given().get("/api/v1/comments/{id}", id).then().statusCode(404);
        assertEquals(1L, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND actor_kind = 'RULE'"
                + " AND actor = 'reported-often' AND action = 'REPORT' AND from_status = 'VISIBLE' AND to_status = 'PENDING'"
                + " AND rule_set_version IS NOT NULL", id));
        Api.admin().queryParam("articleKey", key).get("/api/v1/moderation/queue").then()
                .body("items.id", hasItem((int) id))
                .body("items[0].matches.ruleId", hasItem("reported-often"));
    }

    @Test
    void oneReportForHateHidesTheComment() {
        long id = Api.post(Api.newArticleKey("report-hate"), "Un avis");
        reportAs(id, "HATE", null);
        assertEquals("PENDING", status(id));
    }

    @Test
    void aCommentAModeratorApprovedIsNotHiddenAgainByReports() {
        String key = Api.newArticleKey("report-approved");
        Api.configure(key, Map.of("premoderated", true));
        long id = Api.post(key, "Validé par la rédaction");
        Api.decide(id, "APPROVE");
        for (int i = 0; i < 3; i++) {
            reportAs(id, "HATE", "r" + i + "-" + UUID.randomUUID());
        }
        assertEquals("VISIBLE", status(id), "approved by a moderator: reports do not hide it");
        assertEquals(true, database.single("SELECT flagged FROM comment WHERE id = ?", id));
    }

    @Test
    void onlyVisibleCommentsCanBeReported() {
        String key = Api.newArticleKey("report-hidden");
        Api.configure(key, Map.of("premoderated", true));
        long held = Api.post(key, "En attente");
        Api.reader().body(report("SPAM", null)).post(REPORTS, held).then().statusCode(404)
                .contentType("application/problem+json");
        Api.reader().body(report("SPAM", null)).post(REPORTS, Long.MAX_VALUE).then().statusCode(404);
        assertEquals(0L, database.count("SELECT count(*) FROM report WHERE comment_id = ?", held));
    }

    @Test
    void aClosedArticleStillTakesReports() {
        String key = Api.newArticleKey("report-closed");
        long id = Api.post(key, "Avant la fermeture");
        Api.configure(key, Map.of("open", false));
        reportAs(id, "SPAM", null);
        assertEquals(1L, database.count("SELECT count(*) FROM report WHERE comment_id = ?", id));
    }

    @Test
    void invalidReportsAreRefusedNamingTheField() {
        long id = Api.post(Api.newArticleKey("report-invalid"), "Un avis");
        Api.reader().body(report("RUDE", null)).post(REPORTS, id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        Api.reader().body(Map.of("details", "pas de raison")).post(REPORTS, id).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.reader().body(Map.of("reason", "OTHER", "details", "x".repeat(501))).post(REPORTS, id).then().statusCode(400)
                .body("errors[0].field", equalTo("details"));
        Api.reader().body("{").post(REPORTS, id).then().statusCode(400);
        assertEquals(0L, database.count("SELECT count(*) FROM report WHERE comment_id = ?", id));
    }

    @Test
    void reportsAreRateLimitedPerAddress() {
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("report-rate");
        for (int i = 0; i < 10; i++) {
            long id = Api.post(key, "Commentaire " + i + " " + UUID.randomUUID());
            Api.reader(ip).body(report("SPAM", null)).post(REPORTS, id).then().statusCode(202);
        }
        long last = Api.post(key, "Encore un " + UUID.randomUUID());
        Api.reader(ip).body(report("SPAM", null)).post(REPORTS, last).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertEquals(0L, database.count("SELECT count(*) FROM report WHERE comment_id = ?", last));
    }

    @Test
    void fiftyConcurrentReportsFromDistinctReadersCountExactlyFifty() throws Exception {
        String key = Api.newArticleKey("report-concurrent");
        Api.configure(key, Map.of("premoderated", true));
        long id = Api.post(key, "Un avis qui dérange");
        Api.decide(id, "APPROVE"); // approved: reports flag it but never hide it, so all 50 stay reportable
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> reports = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String reporter = "reader-" + i + "-" + UUID.randomUUID();
                reports.add(() -> Api.reader().body(report("ABUSE", reporter)).post(REPORTS, id).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(reports)) {
                assertEquals(202, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50L, database.count("SELECT count(*) FROM report WHERE comment_id = ?", id));
        assertEquals(50L, database.count("SELECT report_count FROM comment WHERE id = ?", id));
    }
}
