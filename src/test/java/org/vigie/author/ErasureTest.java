package org.vigie.author;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The rights of access and erasure, for admins. */
@QuarkusTest
class ErasureTest {

    @Inject
    Database database;

    @Test
    void anAuthorsDataIsExportedThenErasedLeavingTombstones() {
        String key = Api.newArticleKey("gdpr");
        String email = Api.newEmail();
        long root = Api.post(key, Api.comment("Jeanne Dupont", email, "Mon avis personnel, avec mon adresse"));
        long reply = Api.post(key, Api.reply("Paul", Api.newEmail(), "Je réponds à Jeanne", root));
        Api.decide(root, "REJECT");
        Api.decide(root, "APPROVE");
        Api.reader().body(Map.of("reason", "OTHER", "details", "Jeanne Dupont habite rue des Lilas"))
                .post("/api/v1/comments/{id}/reports", root).then().statusCode(202);
        Api.admin().body(Map.of("email", email, "reason", "Test")).post("/api/v1/moderation/bans").then().statusCode(201);

        JsonPath export = Api.admin().get("/api/v1/admin/authors/{email}/export", email.toUpperCase()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(email, export.getString("email"));
        assertEquals(List.of((int) root), export.getList("comments.id"));
        assertEquals("Mon avis personnel, avec mon adresse", export.getString("comments[0].body"));
        assertEquals(1, export.getList("bans").size());
        assertEquals("Jeanne Dupont habite rue des Lilas", export.getString("comments[0].reports[0].details"));
        assertEquals(List.of("POST", "REJECT", "APPROVE"), export.getList("comments[0].history.action"));
        assertEquals("default", export.getString("comments[0].matches.find { it.ruleId == 'default' }.ruleId"));

        Api.admin().delete("/api/v1/admin/authors/{email}", email).then().statusCode(200)
                .body("erasedComments", equalTo(1));

        given().get("/api/v1/articles/{key}/comments", key).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].body", equalTo("[commentaire supprimé]"))
                .body("items[0].authorName", equalTo("[supprimé]"))
                .body("items[0].replies[0].id", equalTo((int) reply));
        assertEquals(0, database.count("SELECT count(*) FROM comment WHERE lower(author_email) = ?", email));
        assertEquals(0, database.count("SELECT count(*) FROM comment WHERE id = ? AND (ip_hash IS NOT NULL"
                + " OR fingerprint IS NOT NULL OR body LIKE '%avis%' OR matches::text <> '[]')", root));
        assertEquals(0, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND (reason IS NOT NULL OR note IS NOT NULL)", root));
        assertEquals(1, database.count("SELECT count(*) FROM audit_entry WHERE comment_id = ? AND action = 'ERASE' AND actor = 'admin'", root));
        assertEquals(0, database.count("SELECT count(*) FROM ban WHERE email = ?", email));
        assertEquals(0, database.count("SELECT count(*) FROM report WHERE comment_id = ? AND details IS NOT NULL", root));
        String moderatorView = Api.admin().get("/api/v1/moderation/comments/{id}", root).then().statusCode(200).extract().asString();
        assertFalse(moderatorView.contains(email));

        JsonPath after = Api.admin().get("/api/v1/admin/authors/{email}/export", email).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), after.getList("comments"));
        // The author can come back: a new comment from the email is ordinary again.
        long again = Api.post(key, Api.comment("Jeanne", email, "De retour"));
        assertEquals("VISIBLE", database.single("SELECT status FROM comment WHERE id = ?", again));
    }

    @Test
    void onlyAdminsAnswerTheseRequests() {
        String moderator = "gdpr-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Api.admin().body(Map.of("username", moderator, "password", "gdpr passphrase", "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        Api.as(moderator, "gdpr passphrase").get("/api/v1/admin/authors/{email}/export", "a@example.org").then().statusCode(403);
        Api.as(moderator, "gdpr passphrase").delete("/api/v1/admin/authors/{email}", "a@example.org").then().statusCode(403);
        Api.admin().get("/api/v1/admin/authors/{email}/export", "not-an-email").then().statusCode(400);
    }
}
