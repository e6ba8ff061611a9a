package org.vigie.article;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Counts and the ranking are served from memory with a strong ETag, and never older than the last change
 * made here; a change made by another instance is in them within a second.
 */
@QuarkusTest
class ArticleFiguresTest {

    private static final String COUNTS = "/api/v1/articles/counts";
    private static final String MOST_COMMENTED = "/api/v1/articles/most-commented";

    @Inject
    Database database;

    private static Map<String, Integer> counts(String... keys) {
        return given().queryParam("keys", String.join(",", keys)).get(COUNTS).then().statusCode(200)
                .extract().jsonPath().getMap("", String.class, Integer.class);
    }

    @Test
    void countsCarryAStrongEtagAnswer304ToItAndMayBeKeptBriefly() {
        String key = Api.newArticleKey("etag");
        Api.post(key, "Un avis pour que l'article compte.");
        Response first = given().queryParam("keys", key).get(COUNTS).then().statusCode(200)
                .header("Cache-Control", startsWith("public, max-age=")).extract().response();
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        given().queryParam("keys", key).header("If-None-Match", etag).get(COUNTS).then().statusCode(304)
                .header("ETag", equalTo(etag));

        Api.post(key, "Un second avis: les comptes changent, et leur ETag avec.");
        given().queryParam("keys", key).header("If-None-Match", etag).get(COUNTS).then().statusCode(200)
                .body("'" + key + "'", equalTo(2));
    }

    @Test
    void countsKeptInMemoryChangeWithTheNextPostHereEvenForAKeyThatWasNoArticleYet() {
        String known = Api.newArticleKey("kept");
        String unknown = Api.newArticleKey("kept");
        Api.post(known, "Le premier avis.");
        // Read twice: the second read is served from memory.
        assertEquals(Map.of(known, 1, unknown, 0), counts(known, unknown));
        assertEquals(Map.of(known, 1, unknown, 0), counts(known, unknown));

        Api.post(known, "Un deuxième avis.");
        assertEquals(Map.of(known, 2, unknown, 0), counts(known, unknown));
        Api.post(unknown, "Le premier avis d'un article tout neuf.");
        assertEquals(Map.of(known, 2, unknown, 1), counts(known, unknown));
    }

    @Test
    void countsChangedByAnotherInstanceAreInTheNextReadsWithinASecond() {
        String key = Api.newArticleKey("elsewhere");
        Api.post(key, "Un avis qui restera.");
        long removed = Api.post(key, "Un avis qu'une autre instance retirera.");
        assertEquals(Map.of(key, 2), counts(key));
        assertEquals(Map.of(key, 2), counts(key));

        database.update("UPDATE comment SET status = 'REJECTED', status_changed_at = now() WHERE id = ?", removed);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> counts(key), Map.of(key, 1)::equals);
    }

    /** The count of the year's most commented article, whichever it is. */
    private static int topOfTheYear() {
        List<Integer> top = given().queryParam("days", 365).queryParam("limit", 1).get(MOST_COMMENTED).then().statusCode(200)
                .extract().jsonPath().getList("count", Integer.class);
        return top.isEmpty() ? 0 : top.get(0);
    }

    /** Makes the article the year's most commented, as another instance would: more comments than the top, months ago. */
    private int makeTopOfTheYear(String key) {
        int more = topOfTheYear() + 1;
        Api.post(key, "Le premier avis sur le sujet du jour.");
        // Months ago: out of the windows other tests rank.
        database.update("""
                INSERT INTO comment (article_id, author_name, author_email, body, status, ip_hash, created_at, status_changed_at)
                SELECT a.id, 'Lecteur', 'lecteur' || n || '@example.org', 'Avis numéro ' || n, 'VISIBLE', 'h',
                       now() - interval '300 days', now()
                  FROM article a, generate_series(1, ?) n WHERE a.article_key = ?""", more, key);
        return more + 1;
    }

    private static String topKey() {
        return given().queryParam("days", 365).queryParam("limit", 1).get(MOST_COMMENTED).then().statusCode(200)
                .extract().jsonPath().getString("[0].articleKey");
    }

    @Test
    void theRankingCarriesAStrongEtagAndShowsChangesMadeElsewhereWithinASecond() {
        String etag = given().get(MOST_COMMENTED).then().statusCode(200)
                .header("Cache-Control", startsWith("public, max-age=")).extract().header("ETag");
        given().header("If-None-Match", etag).get(MOST_COMMENTED).then().statusCode(304);

        String key = Api.newArticleKey("ranked");
        topKey(); // the ranking is now kept in memory
        int count = makeTopOfTheYear(key);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(ArticleFiguresTest::topKey, key::equals);
        given().queryParam("days", 365).queryParam("limit", 1).get(MOST_COMMENTED).then().body("[0].count", equalTo(count));
    }

    @Test
    void aNewTitleIsInTheRankingAtOnce() {
        String key = Api.newArticleKey("retitled");
        makeTopOfTheYear(key);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(ArticleFiguresTest::topKey, key::equals);
        Api.configure(key, Map.of("title", "Un titre d'abord"));
        given().queryParam("days", 365).queryParam("limit", 1).get(MOST_COMMENTED).then().body("[0].title", equalTo("Un titre d'abord"));

        Api.configure(key, Map.of("title", "Un titre corrigé"));
        given().queryParam("days", 365).queryParam("limit", 1).get(MOST_COMMENTED).then().body("[0].title", equalTo("Un titre corrigé"));
    }
}
