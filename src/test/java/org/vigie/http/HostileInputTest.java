package org.vigie.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Big List of Naughty Strings (src/test/resources/hostile), every one of its 485 strings through
 * every string field, path parameter, query parameter and header of the public and moderation operations:
 * never a 5xx; every refusal a problem, naming the field at fault when it names one; nothing stored when
 * a post is refused; accepted text read back exactly. Requests go out on plain keep-alive connections,
 * several at a time, and answers are read with Jackson: the suite sends some 33,000 requests.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    Database database;

    private List<String> naughty;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tried = new AtomicInteger();
    private final AtomicInteger unsendable = new AtomicInteger();
    /** Requests in flight at once: the list is long, and the server has more to do than the client. */
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void readTheList() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/blns.json")) {
            naughty = JSON.readValue(in, new TypeReference<List<String>>() {
            });
        }
        assertEquals(485, naughty.size());
    }

    @AfterAll
    void stopTheClients() {
        clients.shutdownNow();
    }

    /** Where a string goes: a body field, a path segment, a query parameter or a header. */
    private enum In {
        BODY, PATH, QUERY, HEADER
    }

    /** One request to send: a method, a path with its query string, headers and an optional JSON body. */
    private record Call(String method, String target, Map<String, String> headers, Object body) {
    }

    private record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
    }

    private static final String MODERATOR = "Basic "
            + Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static Map<String, String> reader() {
        return Map.of("X-Forwarded-For", Api.newClientIp());
    }

    private static Map<String, String> moderator() {
        return Map.of("Authorization", MODERATOR);
    }

    private Answer send(Call call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.target()))
                .timeout(Duration.ofSeconds(15));
        call.headers().forEach(request::header);
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call.body())));
        }
        // The request's own timeout covers the head of the answer only: bound the whole exchange.
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = exchange.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no complete answer within 30 s to " + call.method() + " " + call.target());
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** Checks one answer: no 5xx; a refusal is a problem and, when it names fields, names this one. */
    private void check(String operation, String field, In in, String value, Answer answer) {
        tried.incrementAndGet();
        int status = answer.status();
        String where = operation + " " + field + "=" + printable(value) + ": " + status;
        if (status >= 500) {
            failures.add(where + " " + answer.body());
        } else if (status >= 400) {
            String type = answer.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(where + " is not a problem: " + type);
            } else if (status == 400) {
                List<String> fields = new ArrayList<>();
                answer.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
                // Any segment of a path may make it non-canonical; the refusal then names the path.
                boolean named = fields.isEmpty() || (in == In.PATH && fields.contains("path"))
                        || fields.stream().anyMatch(name -> name.equals(field) || name.startsWith(field + "[") || name.startsWith(field + "."));
                if (!named) {
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

    /** A string as one path segment, percent-encoded as a client library would. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String name, String value) {
        return "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, value);
        return body;
    }

    /** A header value HTTP can carry: visible ASCII, spaces and tabs, not at either end. */
    private static boolean sendableInAHeader(String value) {
        return !value.isEmpty() && value.equals(value.strip()) && value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }

    /** Sends every string of the list to one field, several at a time, and checks every answer. */
    private void everyString(String operation, String field, In in, Function<String, Call> call) {
        List<Future<?>> running = new ArrayList<>();
        for (String value : naughty) {
            if (in == In.HEADER && !sendableInAHeader(value)) {
                unsendable.incrementAndGet();
                continue;
            }
            running.add(clients.submit(() -> {
                try {
                    check(operation, field, in, value, send(call.apply(value)));
                } catch (IOException e) {
                    failures.add(operation + " " + field + "=" + printable(value) + ": no answer, " + e);
                }
                return null;
            }));
        }
        await(running);
    }

    private void await(List<Future<?>> running) {
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

    @Test
    void everyStringThroughEveryFieldOfEveryOperation() {
        String key = Api.newArticleKey("naughty");
        long target = Api.post(key, "Un commentaire à signaler, décider, citer.");
        String articles = "/api/v1/articles/";

        // Posting: what is accepted is stored as sent, what is refused leaves nothing.
        Map<String, Object> comment = Api.comment("Lectrice", "lectrice@example.org", "Bonjour");
        for (String field : List.of("body", "authorName", "authorEmail")) {
            List<Future<?>> running = new ArrayList<>();
            for (String value : naughty) {
                running.add(clients.submit(() -> {
                    String article = Api.newArticleKey("naughty-post");
                    Answer answer = send(new Call("POST", articles + segment(article) + "/comments", reader(), with(comment, field, value)));
                    check("POST comment", field, In.BODY, value, answer);
                    if (answer.status() == 201) {
                        long id = answer.json().path("id").asLong();
                        Answer stored = send(new Call("GET", "/api/v1/moderation/comments/" + id, moderator(), null));
                        String expected = field.equals("body") ? value : value.strip();
                        String read = stored.json().path(field).asText(null);
                        if (!expected.equals(read)) {
                            failures.add("POST comment " + field + "=" + printable(value) + " read back as " + printable(String.valueOf(read)));
                        }
                    } else if (database.commentsOf(article) != 0) {
                        failures.add("POST comment " + field + "=" + printable(value) + " refused but stored");
                    }
                    return null;
                }));
            }
            await(running);
        }
        everyString("POST comment", "articleKey", In.PATH, value -> new Call("POST", articles + segment(value) + "/comments", reader(), comment));
        everyString("GET thread", "articleKey", In.PATH, value -> new Call("GET", articles + segment(value) + "/comments", Map.of(), null));
        for (String parameter : List.of("sort", "limit", "cursor")) {
            everyString("GET thread", parameter, In.QUERY, value -> new Call("GET", articles + segment(key) + "/comments" + query(parameter, value),
                    Map.of(), null));
        }
        everyString("GET counts", "keys", In.QUERY, value -> new Call("GET", articles + "counts" + query("keys", value), Map.of(), null));
        for (String parameter : List.of("days", "limit")) {
            everyString("GET most-commented", parameter, In.QUERY, value -> new Call("GET", articles + "most-commented" + query(parameter, value),
                    Map.of(), null));
        }
        everyString("GET comment", "id", In.PATH, value -> new Call("GET", "/api/v1/comments/" + segment(value), Map.of(), null));

        Map<String, Object> report = Map.of("reason", "SPAM", "details", "Publicité", "reporterId", "lecteur-1");
        everyString("POST report", "id", In.PATH, value -> new Call("POST", "/api/v1/comments/" + segment(value) + "/reports", reader(), report));
        for (String field : List.of("reason", "details", "reporterId")) {
            everyString("POST report", field, In.BODY, value -> new Call("POST", "/api/v1/comments/" + target + "/reports", reader(),
                    with(report, field, value)));
        }

        // Moderation: queues, one comment, decisions.
        String queue = "/api/v1/moderation/queue";
        for (String parameter : List.of("status", "articleKey", "q", "sort", "limit", "cursor")) {
            everyString("GET queue", parameter, In.QUERY, value -> new Call("GET", queue + query(parameter, value), moderator(), null));
        }
        everyString("GET queue counts", "articleKey", In.QUERY, value -> new Call("GET", queue + "/counts" + query("articleKey", value),
                moderator(), null));
        everyString("GET counts by article", "limit", In.QUERY, value -> new Call("GET", queue + "/counts/by-article" + query("limit", value),
                moderator(), null));
        everyString("GET moderated comment", "id", In.PATH, value -> new Call("GET", "/api/v1/moderation/comments/" + segment(value),
                moderator(), null));
        // An impossible version: whatever the other fields hold, no comment changes.
        Map<String, Object> decision = Map.of("action", "APPROVE", "version", 999_999, "reason", "OTHER", "note", "ok");
        String decide = "/api/v1/moderation/comments/" + target + "/decision";
        everyString("POST decision", "id", In.PATH, value -> new Call("POST", "/api/v1/moderation/comments/" + segment(value) + "/decision",
                moderator(), decision));
        for (String field : List.of("action", "reason", "note")) {
            everyString("POST decision", field, In.BODY, value -> new Call("POST", decide, moderator(), with(decision, field, value)));
        }
        Map<String, Object> withoutVersion = Map.of("action", "APPROVE", "reason", "OTHER");
        everyString("POST decision", "If-Match", In.HEADER, value -> new Call("POST", decide,
                Map.of("Authorization", MODERATOR, "If-Match", value), withoutVersion));
        Map<String, Object> bulk = Map.of("action", "APPROVE", "reason", "OTHER", "note", "ok",
                "items", List.of(Map.of("id", target, "version", 999_999)));
        for (String field : List.of("action", "reason", "note")) {
            everyString("POST decisions", field, In.BODY, value -> new Call("POST", "/api/v1/moderation/decisions", moderator(),
                    with(bulk, field, value)));
        }

        // Moderation: audit, bans, authors, articles, rules, figures.
        for (String parameter : List.of("moderator", "commentId", "from", "to", "limit", "cursor")) {
            everyString("GET audit", parameter, In.QUERY, value -> new Call("GET", "/api/v1/moderation/audit" + query(parameter, value),
                    moderator(), null));
        }
        everyString("GET bans", "all", In.QUERY, value -> new Call("GET", "/api/v1/moderation/bans" + query("all", value), moderator(), null));
        Map<String, Object> ban = Map.of("email", "troll@example.org", "reason", "Insultes", "until", "2999-01-01T00:00:00Z");
        for (String field : List.of("email", "ipHash", "reason", "until")) {
            everyString("POST ban", field, In.BODY, value -> {
                Map<String, Object> body = with(ban, field, value);
                if (field.equals("ipHash")) {
                    body.remove("email");
                }
                return new Call("POST", "/api/v1/moderation/bans", moderator(), body);
            });
        }
        // Lifting a ban changes nothing when there is none of that id: ids here are past any the tests make.
        everyString("DELETE ban", "id", In.PATH, value -> new Call("DELETE", "/api/v1/moderation/bans/" + segment(pastAnyId(value)),
                moderator(), null));
        everyString("GET author", "email", In.PATH, value -> new Call("GET", "/api/v1/moderation/authors/" + segment(value), moderator(), null));
        everyString("PUT premoderation", "email", In.PATH, value -> new Call("PUT", "/api/v1/moderation/authors/" + segment(value)
                + "/premoderation", moderator(), Map.of("enabled", false)));
        Map<String, Object> settings = Map.of("title", "Budget", "url", "https://www.journal.example/budget");
        everyString("PUT article", "articleKey", In.PATH, value -> new Call("PUT", "/api/v1/moderation/articles/" + segment(value),
                moderator(), settings));
        for (String field : List.of("title", "url")) {
            everyString("PUT article", field, In.BODY, value -> new Call("PUT", "/api/v1/moderation/articles/" + segment(key), moderator(),
                    with(settings, field, value)));
        }
        everyString("GET article", "articleKey", In.PATH, value -> new Call("GET", "/api/v1/moderation/articles/" + segment(value),
                moderator(), null));
        // A proposed rule set goes through the same parser and budget as a replacement, without replacing anything.
        Map<String, Object> dryRun = Map.of("body", "Bonjour", "authorName", "Lectrice", "authorEmail", "a@example.org", "articleKey", key);
        for (String field : List.of("body", "authorName", "authorEmail", "articleKey", "rules")) {
            everyString("POST dry-run", field, In.BODY, value -> new Call("POST", "/api/v1/moderation/rules/dry-run", moderator(),
                    with(dryRun, field, value)));
        }
        everyString("GET rule set version", "version", In.PATH, value -> new Call("GET", "/api/v1/moderation/rules/versions/" + segment(value),
                moderator(), null));
        // Restoring an existing version would change the rule set every other test runs under.
        everyString("POST restore", "version", In.PATH, value -> new Call("POST", "/api/v1/moderation/rules/versions/"
                + segment(pastAnyId(value)) + "/restore", moderator(), null));
        everyString("GET stats", "days", In.QUERY, value -> new Call("GET", "/api/v1/moderation/stats" + query("days", value), moderator(), null));

        // Administration.
        everyString("GET export", "email", In.PATH, value -> new Call("GET", "/api/v1/admin/authors/" + segment(value) + "/export",
                moderator(), null));
        // Erasure only ever finds the list's strings as emails: no author of the other tests.
        everyString("DELETE author", "email", In.PATH, value -> new Call("DELETE", "/api/v1/admin/authors/" + segment(value),
                moderator(), null));
        everyString("GET moderator", "username", In.PATH, value -> new Call("GET", "/api/v1/admin/moderators/" + segment(value),
                moderator(), null));
        Map<String, Object> account = Map.of("username", "naughty", "password", "a long enough password", "role", "moderator");
        for (String field : List.of("username", "password", "role")) {
            everyString("POST moderator", field, In.BODY, value -> new Call("POST", "/api/v1/admin/moderators", moderator(),
                    with(account, field, value)));
        }

        System.out.printf("Hostile input: %d strings × fields tried (and %d strings no header can carry), %d failures%n",
                tried.get(), unsendable.get(), failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first ones:\n"
                + String.join("\n", failures.stream().sorted().toList().subList(0, Math.min(60, failures.size()))));
    }

    /** A string that is a whole number becomes one no row has; any other string is sent as it is. */
    private static String pastAnyId(String value) {
        return value.strip().matches("[+-]?\\d+") ? "9" + value.strip().replaceAll("[^0-9]", "") + "000000000" : value;
    }
}
