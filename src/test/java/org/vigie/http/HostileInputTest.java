package org.vigie.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The Big List of Naughty Strings (src/test/resources/hostile) through every string field and parameter
 * of the public and moderation operations (all 485 as a comment's text, a regular sample elsewhere): never a 5xx, every refusal a problem (naming the field when a
 * body field is at fault), nothing stored when a post is refused, and accepted text read back exactly.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private List<String> naughty;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tried = new AtomicInteger();
    /** Requests in flight at once: the list is long, and the server has more to do than the client. */
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @Inject
    Database database;

    @BeforeAll
    void readTheList() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/blns.json")) {
            naughty = new ObjectMapper().readValue(in, new TypeReference<List<String>>() {
            });
        }
        assertEquals(485, naughty.size());
    }

    /** Checks one answer: no 5xx; a refusal is a problem and, for a body field, names it. */
    private void check(String operation, String field, String value, Response answer, boolean bodyField) {
        tried.incrementAndGet();
        int status = answer.statusCode();
        String where = operation + " " + field + "=" + printable(value) + ": " + status;
        if (status >= 500) {
            failures.add(where + " " + answer.asString());
        } else if (status >= 400 && status != 405) {
            String type = answer.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(where + " is not a problem: " + type);
            } else if (bodyField && status == 400) {
                List<String> fields = answer.jsonPath().getList("errors.field");
                if (fields != null && !fields.isEmpty() && !fields.contains(field)) {
                    failures.add(where + " names " + fields + ", not " + field);
                }
            }
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }

    /**
     * Every other field and parameter takes every {@value #STRIDE}th string of the list (49 of 485),
     * which keeps the suite within the build's time; a comment's text takes them all.
     */
    static final int STRIDE = 10;

    private void eachString(String operation, String field, boolean bodyField, Function<String, Response> send) {
        forEachString(STRIDE, value -> check(operation, field, value, send.apply(value), bodyField));
    }

    /** Runs {@code action} on every {@code stride}th string, several at a time, and waits for all. */
    private void forEachString(int stride, Consumer<String> action) {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < naughty.size(); i += stride) {
            String value = naughty.get(i);
            running.add(clients.submit(() -> action.accept(value)));
        }
        for (Future<?> each : running) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                failures.add("request failed: " + e.getCause());
            }
        }
    }

    @AfterAll
    void stopTheClients() {
        clients.shutdownNow();
    }

    /** A string as one path segment, percent-encoded as a client library would. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, value);
        return body;
    }

    private static RequestSpecification moderator() {
        return Api.admin();
    }

    @Test
    void everyStringFieldOfEveryOperationTakesTheListWithoutA5xx() {
        String key = Api.newArticleKey("naughty");
        long target = Api.post(key, "Un commentaire à signaler, décider, citer.");

        // Posting: each field; what is accepted is stored as sent, what is refused leaves nothing.
        Map<String, Object> comment = Api.comment("Lectrice", "lectrice@example.org", "Bonjour");
        for (String field : List.of("body", "authorName", "authorEmail")) {
            // Every string as a comment's text; every fifth as a name or an email.
            forEachString(field.equals("body") ? 1 : 5, value -> {
                String article = Api.newArticleKey("naughty-post");
                Response answer = Api.reader().body(with(comment, field, value)).post("/api/v1/articles/{key}/comments", article);
                check("POST comment", field, value, answer, true);
                if (answer.statusCode() == 201) {
                    long id = answer.jsonPath().getLong("id");
                    String stored = moderator().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200).extract()
                            .path(field);
                    String expected = field.equals("body") ? value : value.strip();
                    if (!expected.equals(stored)) {
                        failures.add("POST comment " + field + "=" + printable(value) + " read back as " + printable(stored));
                    }
                } else if (database.commentsOf(article) != 0) {
                    failures.add("POST comment " + field + "=" + printable(value) + " refused but stored");
                }
            });
        }
        eachString("POST comment", "articleKey", false, value -> Api.reader().urlEncodingEnabled(false).body(comment)
                .post("/api/v1/articles/" + segment(value) + "/comments"));
        eachString("GET thread", "articleKey", false, value -> given().urlEncodingEnabled(false)
                .get("/api/v1/articles/" + segment(value) + "/comments"));
        for (String parameter : List.of("sort", "limit", "cursor")) {
            eachString("GET thread", parameter, false, value -> given().queryParam(parameter, value).get("/api/v1/articles/{key}/comments", key));
        }
        eachString("GET counts", "keys", false, value -> given().queryParam("keys", value).get("/api/v1/articles/counts"));
        for (String parameter : List.of("days", "limit")) {
            eachString("GET most-commented", parameter, false, value -> given().queryParam(parameter, value).get("/api/v1/articles/most-commented"));
        }
        eachString("GET comment", "id", false, value -> given().urlEncodingEnabled(false).get("/api/v1/comments/" + segment(value)));

        Map<String, Object> report = Map.of("reason", "SPAM", "details", "Publicité", "reporterId", "lecteur-1");
        for (String field : List.of("reason", "details", "reporterId")) {
            eachString("POST report", field, true, value -> Api.reader().body(with(report, field, value)).post("/api/v1/comments/{id}/reports", target));
        }

        // Moderation.
        for (String parameter : List.of("status", "articleKey", "q", "sort", "limit", "cursor")) {
            eachString("GET queue", parameter, false, value -> moderator().queryParam(parameter, value).get("/api/v1/moderation/queue"));
        }
        for (String parameter : List.of("moderator", "commentId", "from", "to", "limit", "cursor")) {
            eachString("GET audit", parameter, false, value -> moderator().queryParam(parameter, value).get("/api/v1/moderation/audit"));
        }
        Map<String, Object> decision = Map.of("action", "APPROVE", "version", 999_999, "reason", "OTHER", "note", "ok");
        for (String field : List.of("action", "reason", "note")) {
            eachString("POST decision", field, true, value -> moderator().body(with(decision, field, value))
                    .post("/api/v1/moderation/comments/{id}/decision", target));
        }
        Map<String, Object> ban = Map.of("email", "troll@example.org", "reason", "Insultes", "until", "2999-01-01T00:00:00Z");
        for (String field : List.of("email", "ipHash", "reason", "until")) {
            eachString("POST ban", field, true, value -> {
                Map<String, Object> body = with(ban, field, value);
                if (field.equals("ipHash")) {
                    body.remove("email");
                }
                return moderator().body(body).post("/api/v1/moderation/bans");
            });
        }
        Map<String, Object> dryRun = Map.of("body", "Bonjour", "authorName", "Lectrice", "authorEmail", "a@example.org", "articleKey", key);
        for (String field : List.of("body", "authorName", "authorEmail", "articleKey", "rules")) {
            eachString("POST dry-run", field, true, value -> moderator().body(with(dryRun, field, value)).post("/api/v1/moderation/rules/dry-run"));
        }
        Map<String, Object> settings = Map.of("title", "Budget", "url", "https://www.journal.example/budget");
        for (String field : List.of("title", "url")) {
            eachString("PUT article", field, true, value -> moderator().body(with(settings, field, value))
                    .put("/api/v1/moderation/articles/{key}", key));
        }
        eachString("GET article", "articleKey", false, value -> moderator().urlEncodingEnabled(false)
                .get("/api/v1/moderation/articles/" + segment(value)));
        eachString("GET author", "email", false, value -> moderator().urlEncodingEnabled(false)
                .get("/api/v1/moderation/authors/" + segment(value)));
        Map<String, Object> account = Map.of("username", "naughty", "password", "a long enough password", "role", "moderator");
        for (String field : List.of("username", "password", "role")) {
            eachString("POST moderator", field, true, value -> moderator().body(with(account, field, value)).post("/api/v1/admin/moderators"));
        }

        System.out.printf("Hostile input: %d strings × fields tried, %d failures%n", tried.get(), failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first ones:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
}
