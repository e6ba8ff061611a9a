package org.vigie.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every change a site may follow reaches its endpoint as a signed event, with nothing private in it. */
@QuarkusTest
class WebhookEventsTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Inject
    Database database;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private WebhookReceiver.Received awaitOne(String type, long commentId) {
        await().atMost(WebhookReceiver.PATIENCE).until(() -> !receiver.about(type, commentId).isEmpty());
        List<WebhookReceiver.Received> about = receiver.about(type, commentId);
        assertEquals(1, about.size(), type + " about " + commentId + ": " + about);
        return about.get(0);
    }

    /** Neither the author's email nor their address, nor its hash, in anything delivered. */
    private void assertNothingPrivate(String email, String ip, long commentId) {
        String ipHash = (String) database.single("SELECT ip_hash FROM comment WHERE id = ?", commentId);
        for (WebhookReceiver.Received request : receiver.received()) {
            assertFalse(request.body().toLowerCase().contains(email.toLowerCase()), "email in " + request.body());
            assertFalse(request.body().contains(ip), "address in " + request.body());
            assertFalse(request.body().contains(ipHash), "address hash in " + request.body());
            assertFalse(request.body().contains("ipHash") || request.body().contains("mail"), request.body());
        }
    }

    @Test
    void postedCommentsAreAnnouncedSignedWhetherVisibleOrHeld() throws Exception {
        String secret = receiver.register(null, "comment.created").getString("secret");
        String open = Api.newArticleKey("webhook-open");
        String held = Api.newArticleKey("webhook-held");
        Api.configure(held, Map.of("premoderated", true));
        String email = Api.newEmail();
        String ip = Api.newClientIp();
        long visible = Api.reader(ip).body(Api.comment("Jeanne", email, "Bel article, merci.")).post(THREAD, open)
                .then().statusCode(201).body("status", equalTo("VISIBLE")).extract().jsonPath().getLong("id");
        long pending = Api.reader(ip).body(Api.comment("Jeanne", email, "Une autre remarque.")).post(THREAD, held)
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");

        WebhookReceiver.Received first = awaitOne("comment.created", visible);
        JsonPath event = first.json();
        assertEquals(open, event.getString("data.comment.articleKey"));
        assertEquals("Jeanne", event.getString("data.comment.authorName"));
        assertEquals("Bel article, merci.", event.getString("data.comment.body"));
        assertEquals("VISIBLE", event.getString("data.comment.status"));
        assertNull(event.get("data.comment.parentId"));
        assertEquals("RULE", event.getString("data.change.actorKind"));
        assertEquals("VISIBLE", event.getString("data.change.to"));
        assertTrue(event.getString("timestamp").endsWith("Z"), event.getString("timestamp"));
        assertTrue(first.contentType().startsWith("application/json"), first.contentType());
        assertTrue(first.signedWith(secret), "signature " + first.signature());

        WebhookReceiver.Received second = awaitOne("comment.created", pending);
        assertEquals("PENDING", second.json().getString("data.comment.status"));
        assertEquals(held, second.json().getString("data.comment.articleKey"));
        assertTrue(second.signedWith(secret));
        assertFalse(second.id().equals(first.id()), "each event has its own webhook-id");
        assertNothingPrivate(email, ip, visible);
    }

    @Test
    void aModeratorsDecisionIsAnnouncedAsAStatusChange() {
        receiver.register(null, "comment.status_changed");
        String key = Api.newArticleKey("webhook-decision");
        Api.configure(key, Map.of("premoderated", true));
        String email = Api.newEmail();
        String ip = Api.newClientIp();
        long id = Api.reader(ip).body(Api.comment("Paul", email, "À valider")).post(THREAD, key).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.decide(id, "APPROVE");

        JsonPath event = awaitOne("comment.status_changed", id).json();
        assertEquals("PENDING", event.getString("data.change.from"));
        assertEquals("VISIBLE", event.getString("data.change.to"));
        assertEquals("MODERATOR", event.getString("data.change.actorKind"));
        assertEquals("admin", event.getString("data.change.moderator"));
        assertEquals("APPROVE", event.getString("data.change.action"));
        assertEquals("VISIBLE", event.getString("data.comment.status"));
        assertEquals(key, event.getString("data.comment.articleKey"));
        assertNothingPrivate(email, ip, id);
    }

    @Test
    void reportsBansAndArticleSettingsAreAnnounced() {
        receiver.register(null, "report.created", "author.banned", "author.unbanned", "article.settings_changed",
                "comment.status_changed");
        String key = Api.newArticleKey("webhook-report");
        Api.configure(key, Map.of("title", "Le budget"));
        await().atMost(WebhookReceiver.PATIENCE).until(() -> receiver.received().stream()
                .anyMatch(r -> r.type().equals("article.settings_changed") && key.equals(r.json().getString("data.articleKey"))));
        JsonPath settings = receiver.received().stream()
                .filter(r -> r.type().equals("article.settings_changed") && key.equals(r.json().getString("data.articleKey")))
                .findFirst().orElseThrow().json();
        assertEquals("Le budget", settings.getString("data.title"));
        assertTrue(settings.getBoolean("data.created"));
        assertTrue(settings.getBoolean("data.open"));

        String email = Api.newEmail();
        String ip = Api.newClientIp();
        long id = Api.reader(ip).body(Api.comment("Troll", email, "Premier !")).post(THREAD, key).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.reader().body(Map.of("reason", "SPAM", "details", "écrit par " + email))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        JsonPath report = awaitOne("report.created", id).json();
        assertEquals("SPAM", report.getString("data.reason"));
        assertEquals(key, report.getString("data.articleKey"));
        assertEquals(1, report.getInt("data.reporters"));

        // One report for hate hides a comment until a moderator looks: the report rules changed its status.
        long hateful = Api.post(key, "Un autre avis");
        Api.reader().body(Map.of("reason", "HATE")).post("/api/v1/comments/{id}/reports", hateful).then().statusCode(202);
        JsonPath hidden = awaitOne("comment.status_changed", hateful).json();
        assertEquals("VISIBLE", hidden.getString("data.change.from"));
        assertEquals("PENDING", hidden.getString("data.change.to"));
        assertEquals("REPORTS", hidden.getString("data.change.actorKind"));
        assertEquals("reported-hate", hidden.getString("data.change.ruleId"));

        long ban = Api.admin().body(Map.of("email", email, "reason", "Spam répété", "rejectExisting", true))
                .post("/api/v1/moderation/bans").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath rejected = awaitOne("comment.status_changed", id).json();
        assertEquals("REJECTED", rejected.getString("data.change.to"));
        assertEquals("BAN", rejected.getString("data.change.action"));
        Api.admin().delete("/api/v1/moderation/bans/{id}", ban).then().statusCode(204);
        Api.admin().delete("/api/v1/moderation/bans/{id}", ban).then().statusCode(204);

        await().atMost(WebhookReceiver.PATIENCE).until(() -> banEvents("author.unbanned", ban).size() == 1);
        JsonPath banned = banEvents("author.banned", ban).get(0).json();
        assertEquals("Spam répété", banned.getString("data.reason"));
        assertEquals("admin", banned.getString("data.createdBy"));
        assertEquals(1, banned.getInt("data.rejectedComments"));
        assertEquals("admin", banEvents("author.unbanned", ban).get(0).json().getString("data.liftedBy"));
        // Lifting it again changed nothing, and said nothing.
        assertEquals(1, banEvents("author.unbanned", ban).size());
        assertNothingPrivate(email, ip, id);
    }

    private List<WebhookReceiver.Received> banEvents(String type, long banId) {
        return receiver.received().stream().filter(r -> r.type().equals(type) && r.json().getLong("data.id") == banId).toList();
    }

    @Test
    void anEventIsStoredIfAndOnlyIfItsChangeIs() {
        receiver.register(null, "comment.created", "comment.status_changed", "report.created");
        String key = Api.newArticleKey("webhook-refused");
        long id = Api.post(key, "Un avis");
        assertEquals(1, events("comment.created", "data.comment.id", String.valueOf(id)));

        // A decision on a version the moderator did not see, a reader's second report of a comment, a post
        // on a closed article, an invalid one: refused or changing nothing, and nothing announced.
        Api.admin().body(Map.of("action", "REJECT", "version", Api.version(id) + 5))
                .post("/api/v1/moderation/comments/{id}/decision", id).then().statusCode(409);
        assertEquals(0, events("comment.status_changed", "data.comment.id", String.valueOf(id)));
        String reader = Api.newClientIp();
        Api.reader(reader).body(Map.of("reason", "SPAM")).post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        Api.reader(reader).body(Map.of("reason", "SPAM")).post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        assertEquals(1, events("report.created", "data.commentId", String.valueOf(id)));
        Api.configure(key, Map.of("open", false));
        Api.reader().body(Api.comment("Lectrice", Api.newEmail(), "Trop tard")).post(THREAD, key).then().statusCode(409);
        Api.reader().body(Api.comment("Lectrice", "pas-une-adresse", "Invalide")).post(THREAD, key).then().statusCode(400);
        assertEquals(1, events("comment.created", "data.comment.articleKey", key));
    }

    @Test
    void anErasureLeavesTheEventsNeitherTheAuthorsNameNorTheirText() {
        receiver.register(null, "comment.created", "comment.status_changed");
        String key = Api.newArticleKey("webhook-erased");
        Api.configure(key, Map.of("premoderated", true));
        String email = Api.newEmail();
        long id = Api.post(key, Api.comment("Martine Dupont", email, "Texte à oublier"));
        Api.decide(id, "REJECT");
        assertEquals(1, events("comment.status_changed", "data.comment.id", String.valueOf(id)));

        Api.admin().delete("/api/v1/admin/authors/{email}", email).then().statusCode(200);
        List<Object> payloads = database.column("SELECT payload::text FROM webhook_event WHERE type LIKE 'comment.%'"
                + " AND payload #>> '{data,comment,id}' = ?", String.valueOf(id));
        assertEquals(2, payloads.size());
        for (Object payload : payloads) {
            assertFalse(payload.toString().contains("Martine") || payload.toString().contains("oublier"), payload.toString());
            assertTrue(payload.toString().contains("[supprimé]"), payload.toString());
        }
    }

    private long events(String type, String field, String value) {
        return database.count("SELECT count(*) FROM webhook_event WHERE type = ? AND payload #>> string_to_array(?, '.') = ?",
                type, field, value);
    }
}
