package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;

/** Threads, counts and pages stay consistent in the corners: hidden parents, equal timestamps, odd input. */
@QuarkusTest
class ThreadConsistencyTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Inject
    Database database;

    @Test
    void hidingATopLevelCommentHidesItsRepliesFromThreadCountsAndPermalinks() {
        String key = Api.newArticleKey("hide-root");
        long root = Api.post(key, "Racine");
        long other = Api.post(key, "Autre");
        long r1 = Api.post(key, Api.reply("B", Api.newEmail(), "Réponse 1", root));
        Api.post(key, Api.reply("C", Api.newEmail(), "Réponse 2", r1));
        given().get(THREAD, key).then().body("total", equalTo(4));

        Api.decide(root, "REJECT");
        given().get(THREAD, key).then()
                .body("total", equalTo(1))
                .body("items.id", contains((int) other));
        given().queryParam("keys", key).get("/api/v1/articles/counts").then().body("'" + key + "'", equalTo(1));
        given().get("/api/v1/comments/{id}", r1).then().statusCode(404);

        Api.decide(root, "APPROVE");
        given().get(THREAD, key).then().body("total", equalTo(4));
        given().get("/api/v1/comments/{id}", r1).then().statusCode(200);
    }

    @Test
    void replyHiddenWhileItsParentIsHiddenCountsRightWhenBothReturn() {
        String key = Api.newArticleKey("hide-both");
        long root = Api.post(key, "Racine");
        long reply = Api.post(key, Api.reply("B", Api.newEmail(), "Réponse", root));
        Api.decide(root, "REJECT");
        Api.decide(reply, "REJECT");
        given().get(THREAD, key).then().body("total", equalTo(0));
        Api.decide(reply, "APPROVE");
        given().get(THREAD, key).then().body("total", equalTo(0));
        Api.decide(root, "APPROVE");
        given().get(THREAD, key).then().body("total", equalTo(2)).body("items[0].replyCount", equalTo(1));
    }

    @Test
    void commentsWithTheSameTimeAreNeitherRepeatedNorSkippedAcrossPages() {
        String key = Api.newArticleKey("ties");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.post(key, "n" + i));
        }
        database.update("UPDATE comment SET created_at = '2026-01-01T12:00:00Z'"
                + " WHERE article_id = (SELECT id FROM article WHERE article_key = ?)", key);
        for (String sort : List.of("newest", "oldest")) {
            List<Integer> seen = Api.idsOfAllPages(() -> given().queryParam("sort", sort).queryParam("limit", 2),
                    THREAD, key);
            List<Integer> expected = new ArrayList<>(ids.stream().map(Long::intValue).toList());
            if (sort.equals("newest")) {
                java.util.Collections.reverse(expected);
            }
            assertEquals(expected, seen, sort + ": equal times are ordered by id");
        }
    }

    @Test
    void nulCharacterIsRefusedNamingTheField() {
        String key = Api.newArticleKey("nul");
        Api.reader().body("{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"avant\\u0000après\"}")
                .post(THREAD, key)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertEquals(0, database.count("SELECT count(*) FROM article WHERE article_key = ?", key));
        Api.admin().body("{\"title\":\"a\\u0000b\"}").put("/api/v1/moderation/articles/{key}", key)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
    }

    @Test
    void malformedAcceptLanguageStillStoresTheCommentOnceAndAnswersInFrench() {
        String key = Api.newArticleKey("bad-language");
        Api.reader().header("Accept-Language", "fr;q=x, en;q=2").body(Api.comment("A", Api.newEmail(), "Bonjour"))
                .post(THREAD, key)
                .then().statusCode(201)
                .body("message", equalTo("Merci pour votre commentaire."));
        assertEquals(1, database.commentsOf(key));
    }

    @Test
    void moderatorOnlySeesItsOwnArticleWhenFiltering() {
        String key = Api.newArticleKey("filter");
        Api.admin().queryParam("articleKey", key).get("/api/v1/moderation/queue").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(0));
    }
}
