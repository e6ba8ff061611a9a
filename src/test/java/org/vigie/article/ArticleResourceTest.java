package org.vigie.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ArticleResourceTest {

    private static final String COUNTS = "/api/v1/articles/counts";
    private static final String MOST_COMMENTED = "/api/v1/articles/most-commented";

    @Inject
    Database database;

    @Test
    void countsAreVisibleCommentsAndRepliesPerKeyInTheOrderAsked() {
        String busy = Api.newArticleKey("counts");
        String quiet = Api.newArticleKey("counts");
        String unknown = Api.newArticleKey("counts");
        long root = Api.post(busy, "un");
        Api.post(busy, "deux");
        Api.post(busy, Api.reply("R", Api.newEmail(), "trois", root));
        Api.post(quiet, "seul");
        Api.configure(quiet, Map.of("premoderated", true));
        Api.post(quiet, "en attente, non compté");

        String json = given().queryParam("keys", unknown + "," + busy + "," + quiet).get(COUNTS)
                .then().statusCode(200)
                .body("'" + busy + "'", equalTo(3))
                .body("'" + quiet + "'", equalTo(1))
                .body("'" + unknown + "'", equalTo(0))
                .extract().asString();
        assertTrue(json.indexOf(unknown) < json.indexOf(busy) && json.indexOf(busy) < json.indexOf(quiet),
                "keys come back in the order asked: " + json);
    }

    @Test
    void countsTakeAtMostOneHundredValidKeys() {
        String keys = IntStream.range(0, 101).mapToObj(i -> "k" + i).collect(Collectors.joining(","));
        given().queryParam("keys", keys).get(COUNTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("keys"));
        String hundred = IntStream.range(0, 100).mapToObj(i -> "k" + i).collect(Collectors.joining(","));
        given().queryParam("keys", hundred).get(COUNTS).then().statusCode(200);
        given().queryParam("keys", "good,bad key").get(COUNTS).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("keys"));
        given().get(COUNTS).then().statusCode(400).body("errors[0].field", equalTo("keys"));
    }

    @Test
    void mostCommentedRanksArticlesByVisibleCommentsInTheWindow() {
        // Other tests post a few comments per article; these counts stand well above theirs.
        String first = Api.newArticleKey("most");
        String second = Api.newArticleKey("most");
        String heldOnly = Api.newArticleKey("most");
        String old = Api.newArticleKey("most");
        Api.configure(first, Map.of("title", "Le budget", "url", "https://journal.example/budget"));
        postMany(first, 45);
        postMany(second, 42);
        Api.configure(heldOnly, Map.of("premoderated", true));
        postMany(heldOnly, 50);
        postMany(old, 48);
        database.update("UPDATE comment SET created_at = created_at - interval '10 days'"
                + " WHERE article_id = (SELECT id FROM article WHERE article_key = ?)", old);

        JsonPath ranking = given().queryParam("days", 7).queryParam("limit", 2).get(MOST_COMMENTED)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(first, second), ranking.getList("articleKey"));
        assertEquals(45, ranking.getInt("[0].count"));
        assertEquals("Le budget", ranking.getString("[0].title"));
        assertEquals("https://journal.example/budget", ranking.getString("[0].url"));
        assertEquals(42, ranking.getInt("[1].count"));

        List<String> wider = given().queryParam("days", 30).queryParam("limit", 100).get(MOST_COMMENTED)
                .then().statusCode(200).extract().jsonPath().getList("articleKey");
        assertEquals(old, wider.get(0), "the old comments count in a 30-day window");
        assertFalse(wider.contains(heldOnly), "held comments never count");
    }

    @Test
    void mostCommentedDefaultsToFiveOverSevenDays() {
        for (int i = 0; i < 6; i++) {
            Api.post(Api.newArticleKey("defaults"), "Un commentaire");
        }
        long articlesInWindow = database.count("SELECT count(DISTINCT article_id) FROM comment"
                + " WHERE status = 'VISIBLE' AND created_at >= now() - interval '7 days'");
        List<Object> ranking = given().get(MOST_COMMENTED).then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(Math.min(5, articlesInWindow), ranking.size());
        assertEquals(given().queryParam("days", 7).queryParam("limit", 5).get(MOST_COMMENTED).asString(),
                given().get(MOST_COMMENTED).asString());
    }

    @Test
    void mostCommentedParametersAreValidated() {
        given().queryParam("days", 0).get(MOST_COMMENTED).then().statusCode(400).body("errors[0].field", equalTo("days"));
        given().queryParam("limit", 101).get(MOST_COMMENTED).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("days", "week").get(MOST_COMMENTED).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void postMany(String key, int count) {
        for (int i = 0; i < count; i++) {
            Api.post(key, "Commentaire " + i);
        }
    }
}
