package org.vigie.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a problem naming the field, never a 500, and stores nothing. */
@QuarkusTest
class CommentValidationTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Database database;

    @TestHTTPResource("/api/v1/articles/KEY/comments")
    URL threadUrl;

    static Stream<Arguments> invalidComments() {
        String longName = "N".repeat(81);
        String longBody = "x".repeat(5001);
        return Stream.of(
                Arguments.of("missing name", "{\"authorEmail\":\"a@example.org\",\"body\":\"x\"}", "authorName"),
                Arguments.of("blank name", "{\"authorName\":\"   \",\"authorEmail\":\"a@example.org\",\"body\":\"x\"}", "authorName"),
                Arguments.of("name over 80", "{\"authorName\":\"" + longName + "\",\"authorEmail\":\"a@example.org\",\"body\":\"x\"}", "authorName"),
                Arguments.of("name on two lines", "{\"authorName\":\"a\\nb\",\"authorEmail\":\"a@example.org\",\"body\":\"x\"}", "authorName"),
                Arguments.of("missing email", "{\"authorName\":\"A\",\"body\":\"x\"}", "authorEmail"),
                Arguments.of("blank email", "{\"authorName\":\"A\",\"authorEmail\":\" \",\"body\":\"x\"}", "authorEmail"),
                Arguments.of("email without at", "{\"authorName\":\"A\",\"authorEmail\":\"jeanne.example.org\",\"body\":\"x\"}", "authorEmail"),
                Arguments.of("email without domain dot", "{\"authorName\":\"A\",\"authorEmail\":\"jeanne@localhost\",\"body\":\"x\"}", "authorEmail"),
                Arguments.of("missing body", "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\"}", "body"),
                Arguments.of("blank body", "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\" \\n\\t \"}", "body"),
                Arguments.of("body over 5000", "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"" + longBody + "\"}", "body"),
                Arguments.of("parentId not a number", "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"x\",\"parentId\":\"abc\"}", "parentId"),
                Arguments.of("parentId negative", "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"x\",\"parentId\":-3}", "parentId"),
                Arguments.of("body of the wrong type", "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":{\"x\":1}}", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidComments")
    void invalidCommentIsRefusedNamingTheFieldAndStoresNothing(String name, String json, String field) {
        String key = Api.newArticleKey("invalid");
        Api.reader().body(json)
                .when().post(THREAD, key)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", equalTo("urn:vigie:problem:validation"))
                .body("title", notNullValue())
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
        assertNothingStored(key);
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        String key = Api.newArticleKey("all-missing");
        Api.reader().body("{}")
                .when().post(THREAD, key)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors", hasSize(3))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("authorName", "authorEmail", "body"));
        assertNothingStored(key);
    }

    @Test
    void fieldMessagesFollowAcceptLanguage() {
        String key = Api.newArticleKey("messages");
        Api.reader().body("{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"\"}")
                .when().post(THREAD, key)
                .then().statusCode(400).body("errors[0].message", equalTo("ne doit pas être vide"));
        Api.reader().header("Accept-Language", "en").body("{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"\"}")
                .when().post(THREAD, key)
                .then().statusCode(400).body("errors[0].message", equalTo("must not be blank"));
    }

    @Test
    void bodyOfExactlyTheLimitIsAcceptedCountingCharactersNotBytes() {
        String key = Api.newArticleKey("limit");
        // 5000 emoji are 10,000 UTF-16 units and 20,000 bytes, yet 5000 characters.
        String emoji = "😀".repeat(5000);
        Api.post(key, Api.comment("A", Api.newEmail(), "  " + emoji + "  "));
        Api.reader().body(Api.comment("A", Api.newEmail(), emoji + "😀"))
                .when().post(THREAD, key).then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        String key = Api.newArticleKey("malformed");
        Api.reader().body("{\"authorName\": \"A\", ")
                .when().post(THREAD, key)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:vigie:problem:malformed-json"));
        assertNothingStored(key);
    }

    @Test
    void missingBodyIsABadRequest() {
        String key = Api.newArticleKey("empty");
        Api.reader().when().post(THREAD, key)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("JSON"));
        assertNothingStored(key);
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        String key = Api.newArticleKey("content-type");
        given().header("X-Forwarded-For", Api.newClientIp()).contentType(ContentType.TEXT)
                .body("authorName=A&authorEmail=a@example.org&body=x")
                .when().post(THREAD, key)
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("status", equalTo(415));
        assertNothingStored(key);
    }

    @Test
    void requestOverSixtyFourKilobytesIsTooLarge() {
        String key = Api.newArticleKey("too-large");
        String json = "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"" + "x".repeat(70_000) + "\"}";
        Api.reader().body(json)
                .when().post(THREAD, key)
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("status", equalTo(413));
        assertNothingStored(key);
    }

    @Test
    void chunkedRequestOverSixtyFourKilobytesIsTooLarge() throws Exception {
        String key = Api.newArticleKey("too-large-chunked");
        String json = "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> response = sendChunked(key, json);
        assertEquals(413, response.statusCode());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertNothingStored(key);

        HttpResponse<String> small = sendChunked(key, "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"ok\"}");
        assertEquals(201, small.statusCode(), small.body());
    }

    /** Sends a body of unknown length, which HTTP/1.1 carries in chunks with no Content-Length. */
    private HttpResponse<String> sendChunked(String key, String json) throws Exception {
        URI uri = URI.create(threadUrl.toString().replace("KEY", key));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", Api.newClientIp())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invalidArticleKeyIsABadRequest() {
        Api.reader().body(Api.comment("A", Api.newEmail(), "x"))
                .when().post(THREAD, "espace interdit")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("articleKey"));
        given().get(THREAD, "k".repeat(201)).then().statusCode(400)
                .body("errors[0].field", equalTo("articleKey"));
    }

    @Test
    void replyToAnUnknownCommentIsUnprocessable() {
        String key = Api.newArticleKey("unknown-parent");
        long existing = Api.post(key, "Racine");
        expectInvalidParent(key, Long.MAX_VALUE - 1);
        assertEquals(1, database.commentsOf(key), "nothing added");
        assertEquals(existing, (long) database.single("SELECT min(c.id) FROM comment c JOIN article a ON a.id = c.article_id WHERE a.article_key = ?", key));
    }

    @Test
    void replyToACommentOfAnotherArticleIsUnprocessable() {
        String key = Api.newArticleKey("own");
        Api.post(key, "Ici");
        long elsewhere = Api.post(Api.newArticleKey("other"), "Ailleurs");
        expectInvalidParent(key, elsewhere);
        assertEquals(1, database.commentsOf(key));

        String fresh = Api.newArticleKey("fresh");
        expectInvalidParent(fresh, elsewhere);
        assertNothingStored(fresh);
    }

    @Test
    void replyToAHeldCommentIsUnprocessable() {
        String key = Api.newArticleKey("held-parent");
        Api.configure(key, Map.of("premoderated", true));
        long held = Api.post(key, "En attente");
        Api.configure(key, Map.of("premoderated", false));
        expectInvalidParent(key, held);
        assertEquals(1, database.commentsOf(key));
    }

    @Test
    void replyUnderARejectedThreadIsUnprocessable() {
        String key = Api.newArticleKey("rejected-root");
        long root = Api.post(key, "Racine");
        long reply = Api.post(key, Api.reply("B", Api.newEmail(), "Réponse", root));
        Api.decide(root, "REJECT");
        expectInvalidParent(key, reply);
        assertEquals(2, database.commentsOf(key));
    }

    @Test
    void badCursorIsABadRequest() {
        String key = Api.newArticleKey("bad-cursor");
        for (String cursor : new String[] { "garbage!", "bm90LWEtY3Vyc29y", "TkVXRVNUOng6eQ" }) {
            given().queryParam("cursor", cursor).get(THREAD, key).then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void badSortIsABadRequest() {
        given().queryParam("sort", "random").get(THREAD, Api.newArticleKey("sort")).then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    private void expectInvalidParent(String key, long parentId) {
        ValidatableResponse response = Api.reader().body(Api.reply("A", Api.newEmail(), "Réponse", parentId))
                .when().post(THREAD, key)
                .then().statusCode(422)
                .contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("parentId"));
        response.body(not(containsString("Exception")));
    }


    private void assertNothingStored(String key) {
        assertEquals(0, database.count("SELECT count(*) FROM article WHERE article_key = ?", key), "no article created");
    }
}
