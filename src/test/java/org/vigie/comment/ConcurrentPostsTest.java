package org.vigie.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Posts that arrive at the same moment are judged as if they had come one after the other. */
@QuarkusTest
class ConcurrentPostsTest {

    private static final int AT_ONCE = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Database database;

    @Test
    void theSameTextPostedManyTimesAtOnceIsShownOnceAndHeldOtherwise() throws Exception {
        String key = Api.newArticleKey("at-once");
        Api.post(key, "Un premier avis, pour que l'article existe.");
        String email = Api.newEmail();
        String body = JSON.writeValueAsString(Api.comment("Pressé", email, "Mon avis, envoyé plusieurs fois d'un coup par impatience."));
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            // From as many addresses: only the email and the text are the same.
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "api/v1/articles/" + key.replace("/", "%2F") + "/comments"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", Api.newClientIp())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return http.send(post, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.body());
            statuses.add(JSON.readTree(response.body()).path("status").asText());
        }
        assertEquals(1, statuses.stream().filter("VISIBLE"::equals).count(), statuses.toString());
        assertEquals(1, database.count("SELECT count(*) FROM comment WHERE author_email = ? AND status = 'VISIBLE'", email));
        assertEquals(AT_ONCE - 1, database.count("SELECT count(*) FROM comment WHERE author_email = ? AND status = 'PENDING'", email));
    }
}
