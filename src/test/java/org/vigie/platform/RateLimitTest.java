package org.vigie.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.vigie.Api;
import org.vigie.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class RateLimitTest {

    private static final String THREAD = "/api/v1/articles/{key}/comments";

    @Inject
    Database database;

    @Test
    void twentyFirstCommentInAMinuteIsRefusedWithRetryAfter() {
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("rate");
        for (int i = 0; i < 20; i++) {
            Api.reader(ip).body(Api.comment("A", Api.newEmail(), "n" + i)).post(THREAD, key).then().statusCode(201);
        }
        Response refused = Api.reader(ip).body(Api.comment("A", Api.newEmail(), "de trop")).post(THREAD, key);
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:vigie:problem:rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(20, database.commentsOf(key), "the refused comment is not stored");

        // Another reader is not affected.
        Api.reader(Api.newClientIp()).body(Api.comment("B", Api.newEmail(), "moi")).post(THREAD, key)
                .then().statusCode(201);
    }

    @Test
    void refusedRequestsDoNotUseUpTheAllowance() {
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("rate-invalid");
        for (int i = 0; i < 25; i++) {
            Api.reader(ip).body(Api.reply("A", Api.newEmail(), "orpheline", Long.MAX_VALUE - 7)).post(THREAD, key)
                    .then().statusCode(422);
        }
        Api.reader(ip).body(Api.comment("A", Api.newEmail(), "enfin")).post(THREAD, key).then().statusCode(201);
    }

    @Test
    void limitHoldsUnderConcurrentRequests() throws Exception {
        // The hits live in PostgreSQL under a row lock: concurrent requests, from one instance or many,
        // cannot slip past the limit.
        String ip = Api.newClientIp();
        String key = Api.newArticleKey("rate-concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                posts.add(() -> Api.reader(ip).body(Api.comment("A", Api.newEmail(), "c" + n)).post(THREAD, key)
                        .statusCode());
            }
            int created = 0;
            int limited = 0;
            for (Future<Integer> status : pool.invokeAll(posts)) {
                if (status.get() == 201) {
                    created++;
                } else if (status.get() == 429) {
                    limited++;
                }
            }
            assertEquals(20, created);
            assertEquals(20, limited);
            assertEquals(20, database.commentsOf(key));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void limitStateIsKeptInTheDatabaseUnderTheAddressHash() {
        String ip = Api.newClientIp();
        long id = Api.reader(ip).body(Api.comment("A", Api.newEmail(), "x")).post(THREAD, Api.newArticleKey("rate-state"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(1, database.count("SELECT count(*) FROM rate_limit WHERE bucket = 'comment:' ||"
                + " (SELECT ip_hash FROM comment WHERE id = ?)", id));
    }

}
