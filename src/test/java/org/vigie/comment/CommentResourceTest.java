package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigie.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CommentResourceTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Test
    void postedCommentIsCreatedVisibleAndThanked() {
        String key = Api.newArticleKey("post");
        String location = Api.reader().body(Api.comment("Jeanne", "jeanne@example.org", "Très juste."))
                .when().post(THREAD, key)
                .then().statusCode(201)
                .body("status", equalTo("VISIBLE"))
                .body("message", equalTo("Merci pour votre commentaire."))
                .body("id", notNullValue())
                .extract().header("Location");
        long id = given().get(location).then().statusCode(200).extract().jsonPath().getLong("id");
        assertTrue(location.endsWith("/api/v1/comments/" + id), location);

        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("articleKey", equalTo(key))
                .body("authorName", equalTo("Jeanne"))
                .body("body", equalTo("Très juste."))
                .body("parentId", nullValue());
    }

    @Test
    void thankYouFollowsAcceptLanguage() {
        String key = Api.newArticleKey("lang");
        Api.reader().header("Accept-Language", "en-GB,en;q=0.9").body(Api.comment("Jo", "jo@example.org", "Agreed."))
                .when().post(THREAD, key)
                .then().statusCode(201).body("message", equalTo("Thank you for your comment."));
        Api.reader().header("Accept-Language", "de, fr;q=0.5").body(Api.comment("Jo", "jo@example.org", "D'accord."))
                .when().post(THREAD, key)
                .then().statusCode(201).body("message", equalTo("Merci pour votre commentaire."));
    }

    @Test
    void articleKeysMayHoldSlashesAndColons() {
        String key = "politique/2026/budget:v2_" + Api.newClientIp();
        long id = Api.post(key, "Clé avec des barres.");
        given().get(THREAD, key).then().statusCode(200)
                .body("articleKey", equalTo(key))
                .body("items.id", contains((int) id));
    }

    @Test
    void textIsStoredExactlyAsSentAndReturnedEscaped() {
        String key = Api.newArticleKey("text");
        String body = "  <script>alert('x')</script> & «guillemets» — 🇫🇷👍🏽 \"quoted\"\nligne 2\t  ";
        long id = Api.post(key, Api.comment("Zoé <b>", "zoe@example.org", body));
        String raw = given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("body", equalTo(body))
                .body("authorName", equalTo("Zoé <b>"))
                .extract().asString();
        assertTrue(raw.contains("\\n"), "newlines are JSON-escaped: " + raw);
        assertTrue(raw.contains("\\\"quoted\\\""), "quotes are JSON-escaped: " + raw);
    }

    @Test
    void unknownArticleHasAnEmptyThread() {
        given().get(THREAD, Api.newArticleKey("nobody")).then().statusCode(200)
                .body("total", equalTo(0))
                .body("items", empty())
                .body("nextCursor", nullValue());
    }

    @Test
    void repliesSitUnderTheirCommentOldestFirstAndKeepWhomTheyAnswer() {
        String key = Api.newArticleKey("replies");
        long first = Api.post(key, "Premier commentaire");
        long second = Api.post(key, "Second commentaire");
        long r1 = Api.post(key, Api.reply("Paul", "paul@example.org", "Réponse 1", first));
        long r2 = Api.post(key, Api.reply("Zoé", "zoe@example.org", "Réponse 2", first));
        long r3 = Api.post(key, Api.reply("Luc", "luc@example.org", "Réponse à Paul", r1));

        JsonPath thread = given().get(THREAD, key).then().statusCode(200).extract().jsonPath();
        assertEquals(5, thread.getInt("total"));
        assertEquals(List.of((int) second, (int) first), thread.getList("items.id"), "newest first");
        assertEquals(0, thread.getInt("items[0].replyCount"));
        assertEquals(3, thread.getInt("items[1].replyCount"));
        assertEquals(List.of((int) r1, (int) r2, (int) r3), thread.getList("items[1].replies.id"), "oldest first");
        assertNull(thread.get("items[1].replies[0].inReplyTo"));
        assertEquals((int) r1, thread.getInt("items[1].replies[2].inReplyTo"));

        given().get("/api/v1/comments/{id}", r3).then().statusCode(200)
                .body("parentId", equalTo((int) first))
                .body("inReplyTo", equalTo((int) r1));
        given().get("/api/v1/comments/{id}", first).then().body("replyCount", equalTo(3));
    }

    @Test
    void oldestFirstOrderIsAvailable() {
        String key = Api.newArticleKey("oldest");
        long a = Api.post(key, "a");
        long b = Api.post(key, "b");
        long c = Api.post(key, "c");
        given().queryParam("sort", "oldest").get(THREAD, key).then().statusCode(200)
                .body("items.id", contains((int) a, (int) b, (int) c));
        given().queryParam("sort", "newest").get(THREAD, key).then().statusCode(200)
                .body("items.id", contains((int) c, (int) b, (int) a));
    }

    @Test
    void newestFirstPagesStayStableWhileCommentsArrive() {
        String key = Api.newArticleKey("pages");
        List<Long> original = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            original.add(Api.post(key, "Commentaire " + i));
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(THREAD, key).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            // New comments arrive between page reads: they go on top, and must not shift later pages.
            Api.post(key, "Arrivé pendant la lecture " + pages);
            pages++;
        } while (cursor != null);

        List<Integer> expected = new ArrayList<>(original.stream().map(Long::intValue).toList());
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen, "every original comment once, newest first, no new one in between");
        assertEquals(3, pages);
    }

    @Test
    void oldestFirstPagesReachCommentsThatArriveLater() {
        String key = Api.newArticleKey("pages-oldest");
        long a = Api.post(key, "a");
        long b = Api.post(key, "b");
        long c = Api.post(key, "c");
        JsonPath first = given().queryParam("sort", "oldest").queryParam("limit", 2).get(THREAD, key)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) a, (int) b), first.getList("items.id"));
        long d = Api.post(key, "d");
        given().queryParam("sort", "oldest").queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get(THREAD, key).then().statusCode(200)
                .body("items.id", contains((int) c, (int) d))
                .body("nextCursor", nullValue());
    }

    @Test
    void pageSizeIsCappedAtOneHundred() {
        String key = Api.newArticleKey("limit");
        given().queryParam("limit", 101).get(THREAD, key).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 0).get(THREAD, key).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 100).get(THREAD, key).then().statusCode(200);
    }

    @Test
    void cursorFromAnotherOrderingIsRefused() {
        String key = Api.newArticleKey("cursor-order");
        Api.post(key, "a");
        Api.post(key, "b");
        String cursor = given().queryParam("limit", 1).get(THREAD, key).then().extract().path("nextCursor");
        given().queryParam("sort", "oldest").queryParam("cursor", cursor).get(THREAD, key).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void excerptCutsLongBodiesAtAWord() {
        String key = Api.newArticleKey("excerpt");
        String sentence = "Les députés ont voté le budget après un long débat. ";
        String body = sentence.repeat(10);
        long id = Api.post(key, body);
        String excerpt = given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("body", equalTo(body))
                .extract().path("excerpt");
        assertTrue(excerpt.endsWith("…"), excerpt);
        assertTrue(excerpt.length() <= 251, excerpt.length() + " characters");
        assertTrue(excerpt.length() > 200, excerpt.length() + " characters");
        String withoutEllipsis = excerpt.substring(0, excerpt.length() - 1);
        assertTrue(body.startsWith(withoutEllipsis), "a prefix of the body");
        assertTrue(Set.of(' ', '.').contains(body.charAt(withoutEllipsis.length())),
                "cut before a space, not inside a word: " + excerpt);

        long shortId = Api.post(key, "Court.");
        given().get("/api/v1/comments/{id}", shortId).then().body("excerpt", equalTo("Court."));
    }

    @Test
    void heldCommentsAreNotShownNorCounted() {
        String key = Api.newArticleKey("held");
        long visible = Api.post(key, "Visible");
        Api.configure(key, Map.of("premoderated", true));
        Api.reader().body(Api.comment("Eve", "eve@example.org", "En attente"))
                .when().post(THREAD, key)
                .then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("message", equalTo(
                        "Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation."));
        long held = Api.reader().body(Api.comment("Eve", "eve@example.org", "Encore"))
                .header("Accept-Language", "en")
                .when().post(THREAD, key)
                .then().statusCode(201)
                .body("message", equalTo("Thank you for your comment. It will appear once a moderator has approved it."))
                .extract().jsonPath().getLong("id");

        given().get(THREAD, key).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains((int) visible));
        given().get("/api/v1/comments/{id}", held).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownCommentIsNotFound() {
        given().get("/api/v1/comments/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", not(equalTo("about:blank")));
    }
}
