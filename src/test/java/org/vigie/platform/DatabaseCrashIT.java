package org.vigie.platform;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.Api;
import org.vigie.PackagedVigie;

/**
 * The packaged application on its embedded PostgreSQL, as a new user starts it: the database server is
 * killed while readers post. Requests answer 503 problems with Retry-After (never a 500, never a hang),
 * readiness reports down, Vigie restarts the server by itself, and every comment it acknowledged is there.
 */
class DatabaseCrashIT {

    private static final String ADMIN_PASSWORD = "crash-test-admin-password";
    private static final int POSTERS = 4;
    /** Kept after the build, to read when the test fails. */
    private static final Path LOG = Path.of("target", "database-crash-it.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private PackagedVigie vigie;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    @AfterEach
    void stop() throws Exception {
        if (vigie != null) {
            vigie.close();
        }
    }

    private void start() throws Exception {
        vigie = PackagedVigie.start(directory, LOG, Map.of("VIGIE_EMBEDDED_DATA_DIR", directory.resolve("pg").toString(),
                "VIGIE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        base = vigie.base();
    }

    private int readiness() {
        return vigie.readiness();
    }

    private String log() throws IOException {
        return vigie.log();
    }

    private record Answer(int status, String contentType, String retryAfter, String body, long millis) {
    }

    private Answer post(String key, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + key + "/comments"))
                // A request that hangs fails the test rather than blocking it.
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", Api.newClientIp())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Api.comment("Lecteur", Api.newEmail(), text))))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), response.body(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Test
    void killingTheEmbeddedServerUnderPostingLosesNoAcknowledgedComment() throws Exception {
        start();
        String key = Api.newArticleKey("crash");
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<Answer> unavailable = new CopyOnWriteArrayList<>();
        List<Answer> unexpected = new CopyOnWriteArrayList<>();
        AtomicInteger acknowledgedAfterOutage = new AtomicInteger();
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicLong sequence = new AtomicLong();

        ExecutorService pool = Executors.newFixedThreadPool(POSTERS + 1);
        List<Future<?>> posters = new ArrayList<>();
        for (int i = 0; i < POSTERS; i++) {
            posters.add(pool.submit(() -> {
                while (posting.get()) {
                    String text = "Commentaire n° " + sequence.incrementAndGet() + " : " + Long.toHexString(ThreadLocalRandom.current().nextLong());
                    Answer answer = post(key, text);
                    if (answer.status() == 201) {
                        long id = JSON.readTree(answer.body()).path("id").asLong();
                        acknowledged.put(id, text);
                        if (!unavailable.isEmpty()) {
                            acknowledgedAfterOutage.incrementAndGet();
                        }
                    } else if (answer.status() == 503) {
                        unavailable.add(answer);
                    } else {
                        unexpected.add(answer);
                    }
                }
                return null;
            }));
        }
        List<Integer> readinessSeen = new CopyOnWriteArrayList<>();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> readinessSeen.add(readiness()), 0, 100, TimeUnit.MILLISECONDS);

        waitUntil(() -> acknowledged.size() >= 40, "40 comments acknowledged before the crash");
        // Kill the postmaster as the kernel's OOM killer would; its backends exit with it.
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("pg").resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);

        waitUntil(() -> !unavailable.isEmpty() && acknowledgedAfterOutage.get() >= 20,
                "posts refused during the outage, then 20 acknowledged after it");
        posting.set(false);
        for (Future<?> poster : posters) {
            poster.get(60, TimeUnit.SECONDS);
        }
        watcher.shutdown();
        assertTrue(watcher.awaitTermination(60, TimeUnit.SECONDS));
        pool.shutdown();

        assertEquals(List.of(), unexpected, "only 201 and 503 while the database comes and goes");
        for (Answer refused : unavailable) {
            assertEquals("application/problem+json", refused.contentType(), refused.body());
            assertTrue(refused.retryAfter() != null && Integer.parseInt(refused.retryAfter()) > 0, refused.toString());
        }
        assertTrue(readinessSeen.contains(503), "readiness reported down: " + readinessSeen);
        assertEquals(200, readiness(), "ready again");
        assertTrue(vigie.alive());

        // Every acknowledged comment is stored, with its text.
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<Long, String> comment : acknowledged.entrySet()) {
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/moderation/comments/" + comment.getKey()))
                    .header("Authorization", admin).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stored.statusCode(), stored.body());
            assertEquals(comment.getValue(), JSON.readTree(stored.body()).path("body").asText(), stored.body());
        }
        // One line per refused request, and no stack trace but Narayana's, once for each transaction the
        // crash cut short (the posters', plus at most the background ones: the rule set refresh, the count
        // folder, the webhook dispatcher, and a health check): a rollback that could not reach the server
        // (ARJUNA016045) or a commit that could not (ARJUNA016039).
        List<String> records = List.of(log().split("\n(?=\\d{4}-\\d{2}-\\d{2} )"));
        List<String> traced = records.stream().filter(entry -> entry.contains("\n\tat ")).toList();
        assertTrue(traced.stream().allMatch(entry -> entry.contains("ARJUNA016045") || entry.contains("ARJUNA016039")) && traced.size() <= POSTERS + 4,
                "stack traces in the log:\n" + String.join("\n", traced));
        long unreachable = records.stream().filter(entry -> entry.contains("Database unreachable on")).count();
        assertEquals(unavailable.size(), unreachable, "one line per 503");
        System.out.printf("Database crash under posting: %d acknowledged, %d answered 503 (slowest %d ms), readiness down %d times%n",
                acknowledged.size(), unavailable.size(), unavailable.stream().mapToLong(Answer::millis).max().orElse(0),
                readinessSeen.stream().filter(status -> status == 503).count());
    }

    private void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        try {
            await(what).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .failFast("Vigie exited", () -> !vigie.alive())
                    .until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            fail("Not reached: " + what + "\n" + log());
        }
    }
}
