package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.vigie.Api;
import org.vigie.Database;
import org.vigie.LogCapture;
import org.vigie.MovableClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Authors edit their comment for a few minutes with the token the answer to their post gave them; each
 * edit goes through the rules again, and moderators see every earlier text.
 */
@QuarkusTest
class CommentEditsTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";
    private static final String COMMENT = "/api/v1/comments/{id}";
    private static final String MODERATED = "/api/v1/moderation/comments/{id}";

    @Inject
    Database database;

    @Inject
    MovableClock clock;

    @Inject
    AgroalDataSource dataSource;

    /** A post as its author keeps it: the id, the token and the end of the time to edit. */
    private record Posted(long id, String status, String editToken, Instant editableUntil, String ip) {
    }

    private static Posted post(String key, String body) {
        return post(key, Api.newClientIp(), Api.comment("Lectrice", Api.newEmail(), body));
    }

    private static Posted post(String key, String ip, Map<String, Object> comment) {
        JsonPath posted = Api.reader(ip).body(comment).post(THREAD, key).then().statusCode(201).extract().jsonPath();
        return new Posted(posted.getLong("id"), posted.getString("status"), posted.getString("editToken"),
                Instant.parse(posted.getString("editableUntil")), ip);
    }

    private static Map<String, Object> edit(String token, String body) {
        Map<String, Object> edit = new HashMap<>();
        edit.put("editToken", token);
        edit.put("body", body);
        return edit;
    }

    private static Response patch(Posted comment, String body) {
        return patch(Api.reader(comment.ip()), comment.id(), edit(comment.editToken(), body));
    }

    private static Response patch(RequestSpecification request, long id, Object payload) {
        return request.body(payload).patch(COMMENT, id);
    }

    private static JsonPath asModerator(long id) {
        return Api.admin().get(MODERATED, id).then().statusCode(200).extract().jsonPath();
    }

    /** What a refused edit must leave as it was. */
    private String stored(long id) {
        return database.single("SELECT body || '|' || status || '|' || version || '|' || edit_count || '|'"
                + " || (SELECT count(*) FROM comment_version v WHERE v.comment_id = c.id)"
                + " || '|' || (SELECT count(*) FROM audit_entry e WHERE e.comment_id = c.id) FROM comment c WHERE c.id = ?", id)
                .toString();
    }

    @Test
    void anInsultWrittenInAnEditTakesTheCommentOutOfTheThreadAndItsCountAtOnce() {
        String key = Api.newArticleKey("edit-insult");
        Posted posted = post(key, "Un budget enfin lisible.");
        assertEquals("VISIBLE", posted.status());
        // Read once, so that the page and the count are kept in memory.
        given().get(THREAD, key).then().body("total", equalTo(1)).body("items[0].id", equalTo((int) posted.id()));
        given().queryParam("keys", key).get("/api/v1/articles/counts").then().body("'" + key + "'", equalTo(1));

        patch(posted, "Espèce de b0ugn*ule !").then().statusCode(200)
                .contentType("application/json")
                .body("id", equalTo((int) posted.id()))
                .body("status", equalTo("PENDING"))
                .body("message", equalTo("Votre commentaire a été modifié. Il sera visible prochainement sous réserve de validation."))
                .body("editableUntil", equalTo(posted.editableUntil().toString()))
                .body("$", not(org.hamcrest.Matchers.hasKey("editToken")))
                .body(not(containsString("REJECTED")));

        given().get(THREAD, key).then().statusCode(200).body("total", equalTo(0)).body("items", org.hamcrest.Matchers.empty());
        given().queryParam("keys", key).get("/api/v1/articles/counts").then().body("'" + key + "'", equalTo(0));
        given().get(COMMENT, posted.id()).then().statusCode(404);
        JsonPath moderated = asModerator(posted.id());
        assertEquals("REJECTED", moderated.getString("status"));
        assertEquals("hate", moderated.getString("matches.find { it.decisive }.ruleId"));
        assertEquals("Espèce de b0ugn*ule !", moderated.getString("body"));
    }

    @Test
    void aHeldCommentEditedIntoCleanTextAppearsInTheThread() {
        String key = Api.newArticleKey("edit-clean");
        Posted posted = post(key, "Tout est expliqué sur www.exemple-blog.fr");
        assertEquals("PENDING", posted.status());
        given().get(THREAD, key).then().body("total", equalTo(0));

        patch(Api.reader(posted.ip()).header("Accept-Language", "en"), posted.id(),
                edit(posted.editToken(), "Tout est expliqué dans l'article.")).then().statusCode(200)
                .body("status", equalTo("VISIBLE"))
                .body("message", equalTo("Your comment has been edited."));

        given().get(THREAD, key).then().body("total", equalTo(1))
                .body("items[0].body", equalTo("Tout est expliqué dans l'article."));
        given().get(COMMENT, posted.id()).then().statusCode(200).body("body", equalTo("Tout est expliqué dans l'article."));
        patch(posted, "Tout est expliqué dans l'article, page 2.").then().statusCode(200)
                .body("message", equalTo("Votre commentaire a été modifié."));
    }

    @Test
    void onAPremoderatedArticleAnEditedCommentStillWaitsForAModerator() {
        String key = Api.newArticleKey("edit-premoderated");
        Api.configure(key, Map.of("premoderated", true));
        Posted posted = post(key, "Et la dette ?");
        assertEquals("PENDING", posted.status());
        patch(posted, "Et la dette, qui la paiera ?").then().statusCode(200).body("status", equalTo("PENDING"));
        given().get(THREAD, key).then().body("total", equalTo(0));
        assertEquals("article.premoderated", asModerator(posted.id()).getString("matches.find { it.decisive }.ruleId"));
    }

    @Test
    void aVisibleCommentsNewTextReplacesTheKeptPageAtOnce() {
        String key = Api.newArticleKey("edit-text");
        Posted root = post(key, "Premier avis sur le budget.");
        Posted reply = post(key, Api.newClientIp(), Api.reply("Paul", Api.newEmail(), "Je réponds.", root.id()));
        Response before = given().get(THREAD, key);
        before.then().statusCode(200).body("items[0].replies[0].body", equalTo("Je réponds."));
        String etag = before.header("ETag");
        assertNotNull(etag);

        patch(reply, "Je réponds, chiffres à l'appui.").then().statusCode(200).body("status", equalTo("VISIBLE"));

        given().header("If-None-Match", etag).get(THREAD, key).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].replies[0].body", equalTo("Je réponds, chiffres à l'appui."));
    }

    @Test
    void theOtherInstancesAreToldOfANewTextThatStaysVisible() throws Exception {
        String key = Api.newArticleKey("edit-announced");
        Posted posted = post(key, "Un avis sur le budget.");
        long articleId = ((Number) database.single("SELECT article_id FROM comment WHERE id = ?", posted.id())).longValue();
        // The post's count delta is folded, and the other instances told of it, before this test listens:
        // what it hears next is the edit's own announcement, which leaves no delta to be folded.
        await().atMost(Duration.ofSeconds(10)).until(
                () -> database.count("SELECT count(*) FROM article_count_delta WHERE article_id = ?", articleId) == 0);
        try (Connection listening = dataSource.getConnection(); Statement sql = listening.createStatement()) {
            sql.execute("LISTEN " + org.vigie.article.ArticleChanges.CHANNEL);
            try {
                patch(posted, "Un avis sur le budget, précisé.").then().statusCode(200).body("status", equalTo("VISIBLE"));
                PGConnection notifications = listening.unwrap(PGConnection.class);
                List<String> heard = new ArrayList<>();
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    PGNotification[] received = notifications.getNotifications(100);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        heard.add(notification.getParameter());
                    }
                    return heard.contains(Long.toString(articleId));
                });
            } finally {
                sql.execute("UNLISTEN *");
            }
        }
    }

    @Test
    void moderatorsSeeEveryEarlierTextAndTheAuditTrailRecordsEachEdit() {
        String key = Api.newArticleKey("edit-versions");
        Posted posted = post(key, "Tout est expliqué sur www.exemple-blog.fr");
        int versionBefore = Api.version(posted.id());
        patch(posted, "Tout est expliqué dans l'article.").then().statusCode(200).body("status", equalTo("VISIBLE"));
        // The same text again, in other capitals: the comment's own earlier text is not a duplicate of it.
        patch(posted, "TOUT est expliqué dans l'article !").then().statusCode(200).body("status", equalTo("VISIBLE"));

        JsonPath moderated = asModerator(posted.id());
        assertEquals("TOUT est expliqué dans l'article !", moderated.getString("body"));
        assertEquals(2, moderated.getInt("editCount"));
        assertNotNull(moderated.getString("editedAt"));
        assertEquals(List.of(1, 2), moderated.getList("versions.number"));
        assertEquals(List.of("Tout est expliqué sur www.exemple-blog.fr", "Tout est expliqué dans l'article."),
                moderated.getList("versions.body"));
        assertEquals(List.of("PENDING", "VISIBLE"), moderated.getList("versions.status"));
        assertEquals("links", moderated.getString("versions[0].matches.find { it.decisive }.ruleId"));
        assertEquals("default", moderated.getString("versions[1].matches.find { it.decisive }.ruleId"));
        assertEquals(moderated.getString("versions[0].replacedAt"), moderated.getString("versions[1].writtenAt"));
        assertEquals("default", moderated.getString("matches.find { it.decisive }.ruleId"));
        assertTrue(moderated.getInt("version") > versionBefore, "an edit moves the version moderators decide on");

        List<Map<String, Object>> edits = moderated.getList("history.findAll { it.action == 'EDITED' }");
        assertEquals(2, edits.size(), moderated.getString("history"));
        assertEquals("AUTHOR", edits.get(0).get("by"));
        assertEquals("author", edits.get(0).get("actor"));
        assertEquals("PENDING", edits.get(0).get("from"));
        assertEquals("VISIBLE", edits.get(0).get("to"));
        assertEquals("default", edits.get(0).get("rule"));
        assertNotNull(edits.get(0).get("ruleSetVersion"));

        Api.admin().queryParam("commentId", posted.id()).get("/api/v1/moderation/audit").then().statusCode(200)
                .body("items.change.action", hasItem("EDITED"))
                .body("items.find { it.change.action == 'EDITED' }.change.actor", equalTo("author"));
        Api.admin().queryParam("moderator", "author").queryParam("commentId", posted.id()).get("/api/v1/moderation/audit")
                .then().body("items.size()", equalTo(2));
    }

    @Test
    void aModeratorsDecisionOnTheOldTextIsRefusedOnceTheAuthorEditedIt() {
        Posted posted = post(Api.newArticleKey("edit-stale"), "Tout est expliqué sur www.exemple-blog.fr");
        int seen = Api.version(posted.id());
        patch(posted, "Tout est expliqué dans l'article.").then().statusCode(200);
        Api.admin().body(Map.of("action", "REJECT", "version", seen)).post("/api/v1/moderation/comments/{id}/decision", posted.id())
                .then().statusCode(409).body("type", equalTo("urn:vigie:problem:stale-version"));
    }

    @Test
    void theEditTokenIsGivenOnceAndAppearsNowhereElse() {
        String key = Api.newArticleKey("edit-token");
        LogCapture logs = LogCapture.start();
        List<Response> responses = new ArrayList<>();
        Posted posted;
        Posted other;
        try {
            posted = post(key, "Un avis mesuré.");
            other = post(key, "Un autre avis.");
            responses.add(patch(posted, "Un avis mesuré, et précisé."));
            responses.add(patch(posted, ""));
            responses.add(given().get(THREAD, key));
            responses.add(given().get(COMMENT, posted.id()));
            responses.add(given().queryParam("keys", key).get("/api/v1/articles/counts"));
            responses.add(Api.admin().get(MODERATED, posted.id()));
            responses.add(Api.admin().queryParam("articleKey", key).queryParam("status", "VISIBLE").get("/api/v1/moderation/queue"));
            responses.add(Api.admin().queryParam("commentId", posted.id()).get("/api/v1/moderation/audit"));
        } finally {
            logs.stop();
        }
        assertTrue(posted.editToken().matches("[A-Za-z0-9_-]{43}"), "256 bits, URL-safe base64: " + posted.editToken());
        assertNotEquals(posted.editToken(), other.editToken());
        for (Response response : responses) {
            String everything = response.getHeaders().toString() + "\n" + response.asString();
            assertTrue(response.statusCode() < 500, everything);
            assertFalse(everything.contains(posted.editToken()), "token in a response: " + everything);
        }
        assertFalse(logs.text().contains(posted.editToken()), "token in the logs");
        // Only its SHA-256 is stored.
        assertEquals(0, database.count("SELECT count(*) FROM comment WHERE edit_token_hash = ? OR body = ?",
                posted.editToken(), posted.editToken()));
        assertEquals(sha256(posted.editToken()), database.single("SELECT edit_token_hash FROM comment WHERE id = ?", posted.id()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMissingOrWrongTokenIsRefusedAndChangesNothing() {
        String key = Api.newArticleKey("edit-wrong-token");
        String email = Api.newEmail();
        Posted posted = post(key, Api.newClientIp(), Api.comment("Jeanne", email, "Mon avis."));
        Posted other = post(key, "Un autre avis.");
        String before = stored(posted.id());
        List<Object> refused = List.of(
                edit(other.editToken(), "Volé"),
                edit(posted.editToken().substring(1) + "A", "Deviné"),
                edit("", "Vide"),
                Map.of("body", "Sans jeton"));
        for (Object payload : refused) {
            Response response = patch(Api.reader(posted.ip()), posted.id(), payload);
            response.then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vigie:problem:wrong-edit-token"))
                    .body("errors[0].field", equalTo("editToken"));
            assertFalse(response.asString().contains(email), response.asString());
            assertFalse(response.asString().contains(posted.ip()), response.asString());
        }
        assertEquals(before, stored(posted.id()));
        given().get(THREAD, key).then().body(containsString("Mon avis.")).body(not(containsString("Volé")));
    }

    @Test
    void anUnknownCommentIsNotFound() {
        Posted posted = post(Api.newArticleKey("edit-unknown"), "Un avis.");
        patch(Api.reader(), Long.MAX_VALUE - 11, edit(posted.editToken(), "Ailleurs")).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:comment-not-found"));
    }

    @Test
    void theTimeToEditEndsWithTheWindowAfterPosting() {
        Posted posted = post(Api.newArticleKey("edit-window"), "Un avis à chaud.");
        assertTrue(Duration.between(Instant.now(), posted.editableUntil()).compareTo(Duration.ofMinutes(9)) > 0,
                "ten minutes by default: " + posted.editableUntil());
        try {
            clock.advance(Duration.ofMinutes(9));
            patch(posted, "Un avis à froid.").then().statusCode(200);
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            String before = stored(posted.id());
            patch(posted, "Un avis bien plus tard.").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vigie:problem:edit-window-closed"))
                    .body("errors[0].field", equalTo("id"))
                    .body("detail", containsString(posted.editableUntil().toString()));
            assertEquals(before, stored(posted.id()));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCommentAModeratorDecidedOnIsNoLongerTheAuthorsToEdit() {
        String key = Api.newArticleKey("edit-decided");
        Posted held = post(key, "Tout est expliqué sur www.exemple-blog.fr");
        Api.decide(held.id(), "APPROVE");
        Posted shown = post(key, "Un avis tranché.");
        Api.decide(shown.id(), "REJECT");
        for (Posted decided : List.of(held, shown)) {
            String before = stored(decided.id());
            patch(decided, "Un tout autre texte.").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vigie:problem:already-moderated"))
                    .body("errors[0].field", equalTo("id"));
            assertEquals(before, stored(decided.id()));
        }
        given().get(THREAD, key).then().body("total", equalTo(1)).body("items[0].body", equalTo(
                "Tout est expliqué sur www.exemple-blog.fr"));
    }

    @Test
    void aCommentTheRulesRejectedCannotBeEditedIntoSight() {
        String key = Api.newArticleKey("edit-rejected");
        Posted rejected = post(key, "Espèce de b0ugn*ule !");
        assertEquals("PENDING", rejected.status());
        String before = stored(rejected.id());
        patch(rejected, "Je retire ce que j'ai dit.").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:not-editable"))
                .body(not(containsString("REJECTED")));
        assertEquals(before, stored(rejected.id()));
        given().get(THREAD, key).then().body("total", equalTo(0));
    }

    @Test
    void aReportedCommentStaysAsReadersReportedIt() {
        String key = Api.newArticleKey("edit-reported");
        Posted posted = post(key, "Un commentaire que quelqu'un trouve déplacé.");
        Api.reader().body(java.util.Map.of("reason", "ABUSE")).post("/api/v1/comments/{id}/reports", posted.id()).then()
                .statusCode(202);
        String before = stored(posted.id());
        patch(posted, "Un tout autre texte.").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:not-editable"));
        assertEquals(before, stored(posted.id()));
    }

    @Test
    void anErasedAuthorsCommentIsGoneWithItsEarlierTexts() {
        String email = Api.newEmail();
        Posted posted = post(Api.newArticleKey("edit-erased"), Api.newClientIp(), Api.comment("Jeanne", email, "Mon avis."));
        patch(posted, "Mon avis, précisé.").then().statusCode(200);
        Api.admin().get("/api/v1/admin/authors/{email}/export", email).then().statusCode(200)
                .body("comments[0].body", equalTo("Mon avis, précisé."))
                .body("comments[0].versions.body", equalTo(List.of("Mon avis.")));
        Api.admin().delete("/api/v1/admin/authors/{email}", email).then().statusCode(200);
        assertEquals(0, database.count("SELECT count(*) FROM comment_version WHERE comment_id = ?", posted.id()),
                "the replaced texts are erased too");
        patch(posted, "Revenu ?").then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, database.count("SELECT count(*) FROM comment WHERE id = ? AND (body LIKE '%avis%' OR edit_token_hash IS NOT NULL)",
                posted.id()));
    }

    @Test
    void editsCountAgainstThePostsRateLimitWhateverHeadersTheClientAdds() {
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("edit-rate");
        Posted posted = post(key, ip, Api.comment("Lectrice", Api.newEmail(), "Version 0 de mon avis"));
        // The post and 19 edits make the 20 writes a minute allows one address.
        for (int i = 1; i <= 19; i++) {
            patch(posted, "Version " + i + " de mon avis").then().statusCode(200);
        }
        String before = stored(posted.id());
        Response refused = patch(posted, "Version de trop");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:rate-limited"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // An address the client writes itself to the left of the proxy's, or in other headers, changes nothing.
        patch(given().contentType("application/json").header("X-Forwarded-For", Api.newClientIp() + ", " + ip)
                .header("X-Real-IP", Api.newClientIp()).header("Forwarded", "for=" + Api.newClientIp()),
                posted.id(), edit(posted.editToken(), "Version déguisée")).then().statusCode(429);
        Api.reader(ip).body(Api.comment("Lectrice", Api.newEmail(), "Un nouveau commentaire")).post(THREAD, key)
                .then().statusCode(429);
        assertEquals(before, stored(posted.id()));
        // The limit is the address's, not the comment's: its author elsewhere may still edit.
        patch(Api.reader(), posted.id(), edit(posted.editToken(), "Version d'ailleurs")).then().statusCode(200);
    }

    @Test
    void theNewTextIsValidatedAsAPostsIs() {
        Posted posted = post(Api.newArticleKey("edit-validation"), "Un avis.");
        String before = stored(posted.id());
        for (String body : new String[] { "", "   ", "x".repeat(5001) }) {
            patch(posted, body).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vigie:problem:validation"))
                    .body("errors.field", equalTo(List.of("body")));
        }
        patch(Api.reader(posted.ip()), posted.id(), Map.of("editToken", posted.editToken())).then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
        patch(Api.reader(posted.ip()), posted.id(), Map.of("editToken", posted.editToken(), "body", List.of("x"))).then()
                .statusCode(400).body("errors[0].field", equalTo("body"));
        Api.reader(posted.ip()).body("{\"editToken\":").patch(COMMENT, posted.id()).then().statusCode(400)
                .body("type", equalTo("urn:vigie:problem:malformed-json"));
        Api.reader(posted.ip()).patch(COMMENT, posted.id()).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", nullValue());
        assertEquals(before, stored(posted.id()));
        patch(posted, "x".repeat(5000)).then().statusCode(200);
    }

    @Test
    void commentsOnAClosedArticleAreNoLongerEdited() {
        String key = Api.newArticleKey("edit-closed");
        Posted posted = post(key, "Un avis.");
        Api.configure(key, Map.of("open", false));
        String before = stored(posted.id());
        patch(posted, "Un avis changé.").then().statusCode(409)
                .body("type", equalTo("urn:vigie:problem:article-closed"));
        assertEquals(before, stored(posted.id()));
    }
}
