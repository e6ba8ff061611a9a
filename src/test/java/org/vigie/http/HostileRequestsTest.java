package org.vigie.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;
import org.vigie.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a hostile client sends: forged addresses, other spellings of a path, loose JSON, broken Unicode, search syntax. */
@QuarkusTest
class HostileRequestsTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    Database database;

    /** Posts from behind this X-Forwarded-For, and answers the address hash Vigie stored. */
    private String postFrom(String forwardedFor) {
        long id = given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Api.comment("Lectrice", Api.newEmail(), "Bonjour à tous"))
                .post("/api/v1/articles/{key}/comments", Api.newArticleKey("forged")).then().statusCode(201)
                .extract().<Integer> path("id");
        return Api.admin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200).extract().path("ipHash");
    }

    @Test
    void aClientCannotChooseItsAddressByWritingXForwardedFor() {
        String real = Api.newClientIp();
        String direct = postFrom(real);
        // A proxy that appends gives "<what the client wrote>, <the client's real address>".
        assertEquals(direct, postFrom("6.6.6.6, " + real));
        assertEquals(direct, postFrom(Api.newClientIp() + ", " + real));
        // Behind a second trusted proxy (192.0.2.0/24 in the tests), the client is the next address to the left.
        assertEquals(direct, postFrom("7.7.7.7, " + real + ", 192.0.2.10"));
        assertNotEquals(direct, postFrom(Api.newClientIp()));
    }

    /** Sends a request exactly as written: Java's client keeps dot segments that rest-assured would resolve. */
    private HttpResponse<String> raw(String method, String path, String body, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", Api.newClientIp())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        // HTTP/1.1 as written: the JDK client would otherwise offer an h2c upgrade, which no browser does and
        // which is not what these requests test.
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        return client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherSpellingOfAPathIsRefusedBeforeAnyCheckOrLimit() throws Exception {
        for (String path : List.of("/api/v1/./moderation/queue", "/api/v1/moderation/queue/../queue", "/api/v1//moderation/queue",
                "/api/v1;x=1/moderation/queue", "/api/v1/%6doderation/queue", "/api/v1/moderation%2e/queue")) {
            HttpResponse<String> answer = raw("GET", path, null, Api.ADMIN + ":wrong password");
            assertEquals(400, answer.statusCode(), path + ": " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(answer.body().contains("\"field\":\"path\""), answer.body());
        }
        // The rule sets' 1 MB allowance belongs to their two operations, not to every path under them.
        String big = "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"" + "x".repeat(200_000) + "\"}";
        String key = Api.newArticleKey("detour");
        assertEquals(400, raw("POST", "/api/v1/moderation/rules/../../articles/" + key + "/comments", big, null).statusCode());
        assertEquals(413, raw("POST", "/api/v1/articles/" + key + "/comments", big, null).statusCode());
        assertEquals(0, database.commentsOf(key));
        // Percent-encoding that is needed stays allowed, and an encoded '/' is a '/' to every check.
        assertEquals(200, raw("GET", "/api/v1/articles/" + Api.newArticleKey("x").replace("/", "%2F") + "%3A1/comments", null, null)
                .statusCode());
        // No route answers to an encoded '/' between the API's own segments.
        assertEquals(404, raw("GET", "/api/v1%2Fmoderation%2Fqueue", null, Api.ADMIN + ":" + Api.ADMIN_PASSWORD).statusCode());
    }

    @Test
    void anySearchTextIsASearchOrANamedRefusal() {
        String key = Api.newArticleKey("search");
        Api.configure(key, Map.of("premoderated", true));
        Api.post(key, "Le budget de la défense, encore le budget");
        Api.admin().queryParam("articleKey", key).get("/api/v1/moderation/queue").then().statusCode(200).body("total", equalTo(1));
        for (String q : List.of("budget -----------------------------------------", "\"budget\" -défense (", "budget & | ! <-> :*")) {
            Api.admin().queryParam("articleKey", key).queryParam("q", q).get("/api/v1/moderation/queue").then()
                    .statusCode(200).body("total", equalTo(1));
        }
        for (String q : List.of("-".repeat(40), "&|!():*")) {
            Api.admin().queryParam("q", q).get("/api/v1/moderation/queue").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("q"));
        }
    }

    @Test
    void jsonIsReadStrictly() {
        String key = Api.newArticleKey("strict");
        String comment = "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"Bonjour\"";
        for (String body : List.of(comment + "} garbage", comment + "} {\"body\":\"encore\"}", comment + ",\"parentId\":\"\"}",
                comment + ",\"parentId\":\"null\"}", comment + ",\"parentId\":\"12\"}")) {
            Api.reader().body(body).post("/api/v1/articles/{key}/comments", key).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Api.reader().body(comment + ",\"parentId\":\"\"}").post("/api/v1/articles/{key}/comments", key).then()
                .body("errors.field", hasItem("parentId"));
        assertEquals(0, database.commentsOf(key));
    }

    @Test
    void textThatIsNotWellFormedUnicodeIsRefusedByField() {
        String key = Api.newArticleKey("surrogate");
        Api.reader().body("{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"avant \\ud800 après\"}")
                .post("/api/v1/articles/{key}/comments", key).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
        Api.reader().body("{\"authorName\":\"\\udc00A\",\"authorEmail\":\"a@example.org\",\"body\":\"x\"}")
                .post("/api/v1/articles/{key}/comments", key).then().statusCode(400).body("errors.field", hasItem("authorName"));
        assertEquals(0, database.commentsOf(key));
        // A real pair is text like any other.
        long id = Api.post(key, "Un emoji \uD83D\uDE00 bien formé");
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("body", equalTo("Un emoji \uD83D\uDE00 bien formé"));
    }

    @Test
    void locationIsAPathNotTheClientsHost() {
        String key = Api.newArticleKey("location");
        String location = Api.reader().header("Host", "evil.example").body(Api.comment("A", Api.newEmail(), "Bonjour"))
                .post("/api/v1/articles/{key}/comments", key).then().statusCode(201).extract().header("Location");
        assertTrue(location.matches("/api/v1/comments/\\d+"), location);
    }

    @Test
    void anInvalidAuditFilterNamesItsOwnField() {
        for (String commentId : List.of("abc", "0", "-1", "99999999999999999999", "1e3")) {
            Api.admin().queryParam("commentId", commentId).get("/api/v1/moderation/audit").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("commentId")));
        }
        Api.admin().queryParam("from", "yesterday").get("/api/v1/moderation/audit").then().statusCode(400)
                .body("errors.field", equalTo(List.of("from")));
        Api.admin().queryParam("to", "yesterday").get("/api/v1/moderation/audit").then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
    }

    /** Writes a request on a socket, as written, and answers the status line, headers and body that came back. */
    private String onTheWire(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (SocketException closedEarly) {
                // The server may answer and close before reading all of an oversized request.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(int status, String field, String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
        if (field != null) {
            assertTrue(answer.contains("\"field\":\"" + field + "\""), answer);
        }
    }

    @Test
    void everyRefusalOfTheHttpLayerIsAProblemAndLogsNoStackTrace() throws Exception {
        LogCapture logs = LogCapture.start();
        try {
            String key = Api.newArticleKey("head");
            String comments = "/api/v1/articles/" + key + "/comments";
            // 414: a request target over 8 KB, well under the codec's own limit.
            assertProblem(414, "uri", onTheWire("GET /api/v1/articles/" + "k".repeat(9_000) + "/comments HTTP/1.1\r\n"
                    + "Host: localhost\r\n\r\n", new byte[0]));
            // 431: headers over 16 KB in all.
            assertProblem(431, "headers", onTheWire("GET " + comments + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Padding: " + "p".repeat(10_000) + "\r\nX-More: " + "m".repeat(10_000) + "\r\n\r\n", new byte[0]));
            // 413, for a declared length and for a chunked body.
            byte[] big = ("{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"" + "x".repeat(100_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            assertProblem(413, null, onTheWire("POST " + comments + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + big.length + "\r\n\r\n", big));
            byte[] chunked = (Integer.toHexString(big.length) + "\r\n" + new String(big, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertProblem(413, null, onTheWire("POST " + comments + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked));
            assertEquals(0, database.commentsOf(key));
            // 405, 406 and 415.
            Api.admin().delete("/api/v1/moderation/rules").then().statusCode(405).contentType("application/problem+json");
            given().accept("text/csv").get(comments).then().statusCode(406).contentType("application/problem+json");
            given().contentType("text/plain").body("Bonjour").post(comments).then().statusCode(415)
                    .contentType("application/problem+json");
            assertEquals(0, database.commentsOf(key));
            assertEquals(List.of(), logs.errors());
        } finally {
            logs.stop();
        }
    }

    @Test
    void aRequestRefusedBeforeItsBodyWasReadDoesNotStallTheNextOnes() throws Exception {
        // One client, whose connections are kept alive and reused from one request to the next.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String key = Api.newArticleKey("keep-alive");
        String comment = "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"Bonjour\"}";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/comments/./reports"))
                    .timeout(java.time.Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(comment)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
            HttpResponse<String> next = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/articles/"
                    + key.replace("/", "%2F") + "/comments")).timeout(java.time.Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode(), next.body());
        }
    }
}
