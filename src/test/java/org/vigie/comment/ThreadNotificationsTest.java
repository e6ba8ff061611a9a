package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.vigie.Api;
import org.vigie.Database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Instances sharing a database tell each other which threads changed, through PostgreSQL's NOTIFY: this
 * instance announces its changes on commit, and forgets the pages another instance announces.
 */
@QuarkusTest
class ThreadNotificationsTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    private static List<Long> ids(String key) {
        return given().get(THREAD, key).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void aVisiblePostIsAnnouncedToOtherInstances() throws Exception {
        String key = Api.newArticleKey("announced");
        Api.post(key, "Le premier avis, pour que l'article existe.");
        long articleId = database.count("SELECT id FROM article WHERE article_key = ?", key);
        try (Connection listener = dataSource.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + ThreadNotifications.CHANNEL);
            Api.post(key, "Un avis que les autres instances doivent voir.");
            List<String> payloads = new ArrayList<>();
            PGConnection notifications = listener.unwrap(PGConnection.class);
            for (int attempt = 0; attempt < 20 && !payloads.contains(String.valueOf(articleId)); attempt++) {
                PGNotification[] received = notifications.getNotifications(500);
                if (received != null) {
                    for (PGNotification notification : received) {
                        payloads.add(notification.getParameter());
                    }
                }
            }
            statement.execute("UNLISTEN " + ThreadNotifications.CHANNEL);
            assertTrue(payloads.contains(String.valueOf(articleId)), payloads.toString());
        }
    }

    @Test
    void aChangeMadeByAnotherInstanceIsInTheNextReadsWithinASecond() {
        String key = Api.newArticleKey("elsewhere");
        long kept = Api.post(key, "Un commentaire qui restera.");
        long removed = Api.post(key, "Un commentaire qu'une autre instance retirera.");
        assertEquals(List.of(removed, kept), ids(key));

        // Another instance rejects it: the row changes, and the database's trigger tells every instance.
        database.update("UPDATE comment SET status = 'REJECTED', status_changed_at = now() WHERE id = ?", removed);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> ids(key), List.of(kept)::equals);
    }

    @Test
    void aRewriteAnnouncedForEveryThreadIsInTheNextReadsWithinASecond() {
        String key = Api.newArticleKey("rewritten");
        long edited = Api.post(key, "Un commentaire qu'une autre instance réécrira.");
        assertEquals(List.of(edited), ids(key));

        // A rewrite shows or hides nothing, so it leaves no count delta to announce it: another instance
        // erasing an author announces it for every thread, as this one does.
        database.update("UPDATE comment SET body = 'Réécrit ailleurs.' WHERE id = ?", edited);
        database.single("SELECT pg_notify(?, '*')", ThreadNotifications.CHANNEL);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(
                () -> given().get(THREAD, key).then().statusCode(200).extract().jsonPath().getString("items[0].body"),
                "Réécrit ailleurs."::equals);
    }
}
