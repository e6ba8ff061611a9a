package org.vigie.article;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An article's count is kept as deltas folded now and then: posts to one article do not wait for each
 * other, and the count readers see is right before, during and after a fold.
 */
@QuarkusTest
class ArticleCountersTest {

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ArticleCounters counters;

    @TestHTTPResource("/")
    URL base;

    private static int count(String key) {
        return given().queryParam("keys", key).get("/api/v1/articles/counts").then().statusCode(200)
                .extract().jsonPath().getInt("'" + key + "'");
    }

    private long articleId(String key) {
        return database.count("SELECT id FROM article WHERE article_key = ?", key);
    }

    @Test
    void aPostDoesNotWaitForAnotherPostToTheSameArticleToCommit() throws Exception {
        String key = Api.newArticleKey("concurrent");
        Api.post(key, "Le premier avis, pour que l'article existe.");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // Another post to the same article, visible and not committed yet: it has run the counters' trigger.
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO comment (article_id, author_name, author_email, body, status, ip_hash, created_at, status_changed_at)
                    VALUES (?, 'Autre', 'autre@example.org', 'Un avis en cours d''enregistrement', 'VISIBLE', 'h', now(), now())""")) {
                insert.setLong(1, articleId(key));
                insert.executeUpdate();
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "api/v1/articles/" + key.replace("/", "%2F") + "/comments"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", Api.newClientIp())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"authorName\":\"Lecteur\",\"authorEmail\":\"" + Api.newEmail()
                            + "\",\"body\":\"Un second avis, pendant que l'autre s'enregistre.\"}"))
                    .build();
            // Before the other transaction ends: with a lock on the article's row, this would wait for it.
            HttpResponse<String> answer = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());
            assertEquals(2, count(key));
            other.commit();
        }
        assertEquals(3, count(key));
    }

    @Test
    void theCountIsRightBeforeAndAfterFoldingAndAfterAModeratorHidesAThread() {
        String key = Api.newArticleKey("folded");
        long first = Api.post(key, "Un premier avis sur l'article.");
        Api.post(key, "Un deuxième avis sur l'article.");
        Api.post(key, Api.reply("Lecteur", Api.newEmail(), "Une réponse au premier avis.", first));
        assertEquals(3, count(key));

        counters.fold();
        assertEquals(0, database.count("SELECT count(*) FROM article_count_delta WHERE article_id = ?", articleId(key)));
        assertEquals(3, database.count("SELECT visible_count FROM article WHERE article_key = ?", key));
        assertEquals(3, count(key));

        // Rejecting the first comment hides its reply with it.
        Api.decide(first, "REJECT");
        assertEquals(1, count(key));
        counters.fold();
        assertEquals(1, count(key));
        assertEquals(1, given().get("/api/v1/articles/{key}/comments", key).then().statusCode(200)
                .extract().jsonPath().getInt("total"));
    }

    @Test
    void twoInstancesFoldingAtOnceCountEachDeltaOnce() throws Exception {
        String key = Api.newArticleKey("two-folds");
        for (int i = 0; i < 4; i++) {
            Api.post(key, "Avis numéro " + i + " sur cet article.");
        }
        try (Connection first = dataSource.getConnection(); Statement firstFold = first.createStatement()) {
            first.setAutoCommit(false);
            firstFold.execute("SELECT fold_article_count_deltas()");
            // The second fold runs while the first has not committed: it waits for the rows the first deleted.
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(counters::fold);
            await().atMost(Duration.ofSeconds(30)).until(() -> database.count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE '%fold_article_count_deltas%'") > 0);
            assertEquals(4, count(key));
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }
        assertEquals(4, count(key));
        assertEquals(4, database.count("SELECT visible_count FROM article WHERE article_key = ?", key));
    }
}
