package org.vigie.author;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;
import org.vigie.MovableClock;

import io.quarkus.test.junit.QuarkusTest;

/** Bans, suspensions and per-author premoderation. */
@QuarkusTest
class BanTest {

    private static final String BANS = "/api/v1/moderation/bans";
    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Inject
    Database database;

    @Inject
    MovableClock clock;

    private static long post(String key, String ip, String email, String body) {
        return Api.reader(ip).body(Api.comment("Auteur", email, body)).post(THREAD, key).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.oneOf("VISIBLE", "PENDING"))
                .extract().jsonPath().getLong("id");
    }

    private String status(long id) {
        return (String) database.single("SELECT status FROM comment WHERE id = ?", id);
    }

    private static Map<String, Object> ban(Object... pairs) {
        Map<String, Object> ban = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            ban.put((String) pairs[i], pairs[i + 1]);
        }
        return ban;
    }

    @Test
    void aBannedEmailsNewCommentsAreRejectedButTheAnswerSaysPending() {
        String key = Api.newArticleKey("ban-email");
        String email = Api.newEmail();
        int id = Api.admin().body(ban("email", email.toUpperCase(), "reason", "Spam répété")).post(BANS).then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body("active", equalTo(true))
                .body("createdBy", equalTo("admin"))
                .extract().path("id");
        long rejected = Api.reader().body(Api.comment("Spammeur", email, "Achetez ici")).post(THREAD, key).then()
                .statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        assertEquals("REJECTED", status(rejected));
        Api.admin().get("/api/v1/moderation/comments/{id}", rejected).then()
                .body("matches.find { it.decisive }.ruleId", equalTo("author.banned"))
                .body("matches.find { it.decisive }.explanation", equalTo("Auteur banni : Spam répété"));

        Api.admin().delete(BANS + "/{id}", id).then().statusCode(204);
        Api.admin().delete(BANS + "/{id}", id).then().statusCode(204);
        long after = post(key, Api.newClientIp(), email, "Je me suis calmé");
        assertEquals("VISIBLE", status(after));
        Api.admin().get(BANS).then().body("id", not(hasItem(id)));
        Api.admin().queryParam("all", true).get(BANS).then().body("find { it.id == " + id + " }.liftedBy", equalTo("admin"));
    }

    @Test
    void anAddressCanBeBannedWithTheHashFromACommentsFullView() {
        String key = Api.newArticleKey("ban-ip");
        String ip = Api.newClientIp();
        long first = post(key, ip, Api.newEmail(), "Premier message");
        String ipHash = Api.admin().get("/api/v1/moderation/comments/{id}", first).then().extract().path("ipHash");
        Api.admin().body(ban("ipHash", ipHash, "reason", "Flood")).post(BANS).then().statusCode(201);
        long second = post(key, ip, Api.newEmail(), "Autre pseudo, même adresse");
        assertEquals("REJECTED", status(second));
        long elsewhere = post(key, Api.newClientIp(), Api.newEmail(), "Une autre adresse");
        assertEquals("VISIBLE", status(elsewhere));
    }

    @Test
    void aSuspensionEndsByItself() {
        String key = Api.newArticleKey("suspension");
        String email = Api.newEmail();
        int id = Api.admin().body(ban("email", email, "reason", "À froid", "until", clock.instant().plusSeconds(3600).toString()))
                .post(BANS).then().statusCode(201).body("until", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
        assertEquals("REJECTED", status(post(key, Api.newClientIp(), email, "Pendant la suspension")));
        Api.admin().get(BANS).then().body("id", hasItem(id));
        try {
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertEquals("VISIBLE", status(post(key, Api.newClientIp(), email, "Après la suspension")));
            Api.admin().get(BANS).then().body("id", not(hasItem(id)));
            Api.admin().queryParam("all", true).get(BANS).then().body("find { it.id == " + id + " }.active", equalTo(false));
        } finally {
            clock.reset();
        }
    }

    @Test
    void rejectExistingRejectsTheAuthorsCommentsAndRecordsEachChange() {
        String key = Api.newArticleKey("ban-existing");
        String email = Api.newEmail();
        long a = post(key, Api.newClientIp(), email, "Un");
        long b = post(key, Api.newClientIp(), email, "Deux");
        long other = post(key, Api.newClientIp(), Api.newEmail(), "D'un autre");
        given().get(THREAD, key).then().body("total", equalTo(3));
        Api.admin().body(ban("email", email, "reason", "Troll", "rejectExisting", true)).post(BANS).then()
                .statusCode(201).body("rejected", equalTo(2));
        assertEquals("REJECTED", status(a));
        assertEquals("REJECTED", status(b));
        assertEquals("VISIBLE", status(other));
        given().get(THREAD, key).then().body("total", equalTo(1));
        assertEquals(2, database.count("SELECT count(*) FROM audit_entry WHERE comment_id IN (?, ?) AND action = 'BAN'"
                + " AND actor = 'admin' AND from_status = 'VISIBLE' AND to_status = 'REJECTED'", a, b));
    }

    @Test
    void aBanWithTheLongestReasonStillRejectsAndRecordsEachChange() {
        String key = Api.newArticleKey("ban-long-reason");
        String email = Api.newEmail();
        long a = post(key, Api.newClientIp(), email, "Un message");
        String reason = "R".repeat(500);
        Api.admin().body(ban("email", email, "reason", reason, "rejectExisting", true)).post(BANS).then()
                .statusCode(201).body("rejected", equalTo(1)).body("reason", equalTo(reason));
        assertEquals("REJECTED", status(a));
        // "Banni : " and 500 characters do not fit the trail's 500: the end is cut, the change is kept.
        assertEquals(1, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND action = 'BAN'"
                + " AND length(reason) = 500 AND reason LIKE 'Banni : R%…'", a));
    }

    @Test
    void rejectExistingRecordsTheSameMatchAsAModeratorsRejection() {
        String key = Api.newArticleKey("ban-existing-match");
        String email = Api.newEmail();
        long a = post(key, Api.newClientIp(), email, "Un message");
        Api.admin().body(ban("email", email, "reason", "Troll", "rejectExisting", true)).post(BANS).then()
                .statusCode(201).body("rejected", equalTo(1));
        assertEquals(1, database.count("SELECT count(*) FROM comment WHERE id = ? AND matches -> -1 = CAST(? AS jsonb)", a,
                "{\"ruleId\": \"moderator.decision\", \"action\": \"reject\", \"mode\": \"enforce\","
                        + " \"explanation\": \"Rejeté par admin : banni (Troll)\", \"decisive\": true}"));
    }

    @Test
    void aSuspendedAuthorsCommentSaysUntilWhen() {
        String key = Api.newArticleKey("suspension-evidence");
        String ip = Api.newClientIp();
        Instant until = Instant.parse("2999-01-02T03:04:05.123456Z");
        long first = post(key, ip, Api.newEmail(), "Avant");
        String ipHash = Api.admin().get("/api/v1/moderation/comments/{id}", first).then().extract().path("ipHash");
        Api.admin().body(ban("ipHash", ipHash, "reason", "Calmez-vous", "until", until.toString())).post(BANS).then()
                .statusCode(201);
        long rejected = post(key, ip, Api.newEmail(), "Pendant");
        assertEquals("REJECTED", status(rejected));
        Api.admin().get("/api/v1/moderation/comments/{id}", rejected).then()
                .body("matches.find { it.decisive }.ruleId", equalTo("author.banned"))
                .body("matches.find { it.decisive }.explanation", equalTo("Auteur banni : Calmez-vous"))
                .body("matches.find { it.decisive }.evidence.original", equalTo("suspendu jusqu'au " + until));
    }

    @Test
    void invalidBansAreRefused() {
        Api.admin().body(ban("reason", "Personne")).post(BANS).then().statusCode(400)
                .body("errors[0].field", equalTo("emailOrIpHash"));
        Api.admin().body(ban("email", Api.newEmail())).post(BANS).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.admin().body(ban("email", Api.newEmail(), "reason", "x", "until", "2001-01-01T00:00:00Z")).post(BANS).then()
                .statusCode(400).body("errors[0].field", equalTo("until"));
        Api.admin().body(ban("ipHash", "10.0.0.1", "reason", "x")).post(BANS).then()
                .statusCode(400).body("errors[0].field", equalTo("ipHash"));
        Api.admin().body(ban("email", Api.newEmail(), "reason", "x", "until", "+300000-01-01T00:00:00Z")).post(BANS).then()
                .statusCode(400).contentType("application/problem+json");
        Api.admin().delete(BANS + "/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void aPremoderatedAuthorsCommentsWaitForAModerator() {
        String key = Api.newArticleKey("author-premoderation");
        String email = Api.newEmail();
        Api.admin().contentType("application/json").body(Map.of("enabled", true))
                .put("/api/v1/moderation/authors/{email}/premoderation", email).then().statusCode(200)
                .body("premoderated", equalTo(true));
        long held = post(key, Api.newClientIp(), email, "Sous surveillance");
        assertEquals("PENDING", status(held));
        Api.admin().get("/api/v1/moderation/comments/{id}", held).then()
                .body("matches.find { it.decisive }.ruleId", equalTo("author.premoderated"));
        Api.admin().get("/api/v1/moderation/authors/{email}", email).then().statusCode(200)
                .body("pending", equalTo(1)).body("premoderated", equalTo(true)).body("banned", equalTo(false));
        Api.admin().body(Map.of("enabled", false)).put("/api/v1/moderation/authors/{email}/premoderation", email)
                .then().statusCode(200).body("premoderated", equalTo(false));
        assertEquals("VISIBLE", status(post(key, Api.newClientIp(), email, "Libre à nouveau")));
        Api.admin().get("/api/v1/moderation/authors/{email}", "not-an-email").then().statusCode(400);
    }
}
