package org.vigie;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application on one database, as a deployment with two replicas runs
 * them: the first on its embedded PostgreSQL, the second on the first one's database. A post, a decision
 * and a ban made through one are in what the other serves within a second, though each keeps pages in
 * memory, and the rate limit counts the posts made through both.
 */
class TwoInstancesIT {

    private static final String ADMIN_PASSWORD = "two-instances-admin-password";
    private static final int COMMENTS_PER_MINUTE = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TempDir
    static Path directory;

    private static final List<PackagedVigie> instances = new ArrayList<>();
    private static String first;
    private static String second;

    @BeforeAll
    static void startBoth() throws Exception {
        PackagedVigie owner = start(Path.of("target", "two-instances-first.log"),
                Map.of("VIGIE_EMBEDDED_DATA_DIR", directory.resolve("pg").toString()));
        Matcher url = Pattern.compile("Embedded PostgreSQL 17 at (jdbc:postgresql://\\S+),").matcher(owner.log());
        assertTrue(url.find(), "the first instance logs its database's address");
        String password = Files.readString(directory.resolve("pg").resolve("vigie-password")).strip();
        first = owner.base();
        second = start(Path.of("target", "two-instances-second.log"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url.group(1),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", password)).base();
    }

    @AfterAll
    static void stopBoth() throws Exception {
        // The second first: the first one owns the database.
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }

    private static PackagedVigie start(Path log, Map<String, String> environment) throws Exception {
        Map<String, String> all = new HashMap<>(environment);
        all.put("VIGIE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        PackagedVigie instance = PackagedVigie.start(directory, log, all, "vigie.rate-limit.comments-per-minute=" + COMMENTS_PER_MINUTE);
        instances.add(instance);
        return instance;
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private static Answer post(String instance, String key, String ip, String email, String text) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/articles/" + key.replace("/", "%2F") + "/comments"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Api.comment("Lectrice", email, text)))));
    }

    private static long posted(String instance, String key, String email, String text) throws Exception {
        Answer answer = post(instance, key, Api.newClientIp(), email, text);
        assertEquals(201, answer.status(), answer.body().toString());
        return answer.body().path("id").asLong();
    }

    private static HttpRequest.Builder asAdmin(String instance, String path) {
        return HttpRequest.newBuilder(URI.create(instance + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
    }

    /** The ids of the first page of the thread, as the instance serves it. */
    private static List<Long> thread(String instance, String key) {
        try {
            Answer page = send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/articles/" + key.replace("/", "%2F")
                    + "/comments?sort=oldest")));
            assertEquals(200, page.status(), page.body().toString());
            List<Long> ids = new ArrayList<>();
            page.body().path("items").forEach(item -> ids.add(item.path("id").asLong()));
            return ids;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void soon(String what, String instance, String key, List<Long> expected) {
        try {
            await(what).atMost(WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> thread(instance, key), expected::equals);
        } catch (ConditionTimeoutException e) {
            fail(what + ": still " + thread(instance, key) + ", not " + expected + ", a second later");
        }
    }

    @Test
    void aPostThroughOneIsServedByTheOtherWithinASecond() throws Exception {
        String key = Api.newArticleKey("two");
        long earlier = posted(first, key, Api.newEmail(), "Le premier avis sur cet article.");
        // Both instances now keep the page in memory.
        assertEquals(List.of(earlier), thread(first, key));
        assertEquals(List.of(earlier), thread(second, key));

        long later = posted(first, key, Api.newEmail(), "Un second avis, posté par la première instance.");
        assertEquals(List.of(earlier, later), thread(first, key), "at once on the instance that took it");
        soon("the post, through the other instance", second, key, List.of(earlier, later));
    }

    @Test
    void aDecisionThroughOneIsServedByTheOtherWithinASecond() throws Exception {
        String key = Api.newArticleKey("two");
        long kept = posted(second, key, Api.newEmail(), "Un avis qui restera en ligne.");
        long rejected = posted(second, key, Api.newEmail(), "Un avis qu'une modératrice retirera.");
        assertEquals(List.of(kept, rejected), thread(first, key));
        assertEquals(List.of(kept, rejected), thread(second, key));

        Answer comment = send(asAdmin(first, "/api/v1/moderation/comments/" + rejected));
        Answer decision = send(asAdmin(first, "/api/v1/moderation/comments/" + rejected + "/decision")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"REJECT\",\"version\":" + comment.body().path("version").asInt() + "}")));
        assertEquals(200, decision.status(), decision.body().toString());
        assertEquals(List.of(kept), thread(first, key));
        soon("the decision, through the other instance", second, key, List.of(kept));
    }

    @Test
    void anEditThroughOneIsServedByTheOtherWithinASecond() throws Exception {
        String key = Api.newArticleKey("two");
        Answer answer = post(second, key, Api.newClientIp(), Api.newEmail(), "Un avis que son autrice précisera.");
        assertEquals(201, answer.status(), answer.body().toString());
        long id = answer.body().path("id").asLong();
        String text = "Un avis que son autrice a précisé.";
        assertEquals(List.of(id), thread(second, key));

        Answer edited = send(HttpRequest.newBuilder(URI.create(first + "/api/v1/comments/" + id))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", Api.newClientIp())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("editToken", answer.body().path("editToken").asText(), "body", text)))));
        assertEquals(200, edited.status(), edited.body().toString());
        try {
            await("the edit, through the other instance").atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                    .until(() -> send(HttpRequest.newBuilder(URI.create(second + "/api/v1/comments/" + id))).body()
                            .path("body").asText().equals(text) && firstBody(second, key).equals(text));
        } catch (ConditionTimeoutException e) {
            fail("the edit, through the other instance: still " + firstBody(second, key) + " a second later");
        }
    }

    /** The text of the first comment of the thread, as the instance serves it. */
    private static String firstBody(String instance, String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/articles/" + key.replace("/", "%2F")
                + "/comments?sort=oldest"))).body().path("items").path(0).path("body").asText();
    }

    @Test
    void aBanThroughOneIsEnforcedAndServedByTheOther() throws Exception {
        String key = Api.newArticleKey("two");
        String spammer = Api.newEmail();
        long other = posted(second, key, Api.newEmail(), "Un avis d'une lectrice ordinaire.");
        long spam = posted(second, key, spammer, "Un avis d'un auteur qu'on bannira.");
        assertEquals(List.of(other, spam), thread(second, key));

        Answer ban = send(asAdmin(first, "/api/v1/moderation/bans").POST(HttpRequest.BodyPublishers.ofString(
                "{\"email\":\"" + spammer + "\",\"reason\":\"Spam\",\"rejectExisting\":true}")));
        assertEquals(201, ban.status(), ban.body().toString());
        soon("the ban's rejections, through the other instance", second, key, List.of(other));

        // The public answer does not tell a banned author; the moderators' view does.
        long refused = posted(second, key, spammer, "Un nouvel avis de l'auteur banni.");
        Answer stored = send(asAdmin(first, "/api/v1/moderation/comments/" + refused));
        assertEquals("REJECTED", stored.body().path("status").asText(), "the other instance enforces the ban: " + stored.body());
        assertEquals(List.of(other), thread(second, key));
    }

    @Test
    void theRateLimitCountsPostsThroughBoth() throws Exception {
        String key = Api.newArticleKey("two");
        String ip = Api.newClientIp();
        for (int i = 0; i < COMMENTS_PER_MINUTE; i++) {
            Answer answer = post(i % 2 == 0 ? first : second, key, ip, Api.newEmail(), "Avis numéro " + i + " de la même adresse.");
            assertEquals(201, answer.status(), answer.body().toString());
        }
        for (String instance : List.of(first, second)) {
            Answer refused = post(instance, key, ip, Api.newEmail(), "Un avis de trop, quelle que soit l'instance.");
            assertEquals(429, refused.status(), refused.body().toString());
        }
    }
}
