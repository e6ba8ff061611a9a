package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.http.Revalidation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Thread pages come from memory, and every change that alters what readers see is in the very next read:
 * a visible post, a moderator's decision, an erasure. Pages carry a strong ETag and answer 304 to it.
 */
@QuarkusTest
class ThreadPagesTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    private static Response read(String key) {
        return given().get(THREAD, key).then().statusCode(200).contentType("application/json").extract().response();
    }

    private static List<Long> ids(Response page) {
        return page.jsonPath().getList("items.id", Long.class);
    }

    @Test
    void aPageHasAStrongETagAndAnswers304ToIt() {
        String key = Api.newArticleKey("etag");
        Api.post(key, "Premier commentaire, visible tout de suite.");
        Api.post(key, "Second commentaire, visible lui aussi.");
        Response first = read(key);
        String etag = first.header("ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
        assertEquals("public, max-age=5, stale-while-revalidate=30", first.header("Cache-Control"));
        assertEquals(etag, read(key).header("ETag"), "the same page, the same ETag");

        given().header("If-None-Match", etag).get(THREAD, key).then().statusCode(304)
                .header("ETag", equalTo(etag)).body(emptyString());
        given().header("If-None-Match", "\"autre\", " + etag).get(THREAD, key).then().statusCode(304);
        given().header("If-None-Match", "\"autre\"").get(THREAD, key).then().statusCode(200);
        // The other order is another page, with its own ETag.
        given().queryParam("sort", "oldest").header("If-None-Match", etag).get(THREAD, key).then().statusCode(200);
    }

    @Test
    void aVisiblePostIsInTheNextRead() {
        String key = Api.newArticleKey("fresh");
        long first = Api.post(key, "Le premier avis sur cet article.");
        Response before = read(key);
        assertEquals(List.of(first), ids(before));

        long second = Api.post(key, "Un second avis, tout aussi visible.");
        Response after = read(key);
        assertEquals(List.of(second, first), ids(after));
        assertEquals(2, after.jsonPath().getInt("total"));
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        given().header("If-None-Match", before.header("ETag")).get(THREAD, key).then().statusCode(200);

        long reply = Api.post(key, Api.reply("Lecteur", Api.newEmail(), "Une réponse au premier.", first));
        read(key).then().body("items.find { it.id == " + first + " }.replies.id", hasItem((int) reply));
    }

    @Test
    void aModeratorsDecisionIsInTheNextRead() {
        String key = Api.newArticleKey("decided");
        long kept = Api.post(key, "Un commentaire qui restera.");
        long removed = Api.post(key, "Un commentaire qu'un modérateur retirera.");
        assertEquals(List.of(removed, kept), ids(read(key)));

        Api.decide(removed, "REJECT");
        assertEquals(List.of(kept), ids(read(key)));
        assertEquals(1, read(key).jsonPath().getInt("total"));

        Api.decide(removed, "APPROVE");
        assertEquals(List.of(removed, kept), ids(read(key)));
    }

    @Test
    void anErasureIsInTheNextReadOfEveryThread() {
        String email = Api.newEmail();
        String one = Api.newArticleKey("erased");
        String other = Api.newArticleKey("erased");
        Api.post(one, Api.comment("Jeanne Martin", email, "Mon avis sur le premier article."));
        Api.post(other, Api.comment("Jeanne Martin", email, "Mon avis sur le second article."));
        read(one).then().body("items.authorName", hasItem("Jeanne Martin"));
        read(other).then().body("items.authorName", hasItem("Jeanne Martin"));

        Api.admin().delete("/api/v1/admin/authors/{email}", email).then().statusCode(200);
        for (String key : List.of(one, other)) {
            Response page = read(key);
            page.then().body("items.authorName", not(hasItem("Jeanne Martin")))
                    .body("items.body", hasItem(CommentModeration.TOMBSTONE));
        }
    }

    @Test
    void ifNoneMatchListsAndWildcards() {
        String etag = "\"abc\"";
        assertTrue(Revalidation.matches("\"abc\"", etag));
        assertTrue(Revalidation.matches("\"x\" , \"abc\"", etag));
        assertTrue(Revalidation.matches("*", etag));
        assertTrue(Revalidation.matches("W/\"abc\"", etag));
        assertFalse(Revalidation.matches(null, etag));
        assertFalse(Revalidation.matches("\"abcd\"", etag));
    }
}
