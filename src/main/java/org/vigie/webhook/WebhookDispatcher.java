package org.vigie.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.vigie.platform.Repeating;
import org.vigie.platform.SqlStatement;
import org.vigie.platform.Times;
import org.vigie.platform.VigieConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers the outbox's events. Each round makes the deliveries of the new events (one per subscribed
 * endpoint), claims the deliveries that are due ({@code FOR UPDATE SKIP LOCKED}: instances never take the
 * same one), and posts them, signed, with no transaction open while it waits for the receivers. A claim
 * moves the delivery's next attempt past the longest a post may take, so a delivery whose instance dies
 * meanwhile is tried again after that. A 2xx answer delivers; anything else is tried again later, until
 * {@code vigie.webhooks.retry-for} after the first attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** Events given their deliveries per round. */
    private static final int FAN_OUT_BATCH = 500;

    private static final int LAST_ERROR_LENGTH = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookOutbox outbox;

    @Inject
    VigieConfig config;

    @Inject
    Clock clock;

    private HttpClient http;

    private Repeating worker;

    private volatile Instant refreshedAt = Instant.MIN;

    private static final String FAN_OUT = """
            WITH fresh AS (
                SELECT id FROM webhook_event WHERE fanned_out_at IS NULL ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED),
            marked AS (
                UPDATE webhook_event e SET fanned_out_at = :now FROM fresh WHERE e.id = fresh.id RETURNING e.id, e.type)
            INSERT INTO webhook_delivery (event_id, endpoint_id, status, attempts, next_attempt_at, created_at)
            SELECT m.id, ep.id, 'PENDING', 0, :now, :now FROM marked m JOIN webhook_endpoint ep ON ep.enabled AND m.type = ANY (ep.events)
            ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING
            RETURNING id""";

    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint ep ON ep.id = d.endpoint_id
                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND ep.enabled
                 ORDER BY d.next_attempt_at, d.id LIMIT :batch
                   FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_delivery d
               SET attempts = d.attempts + 1, next_attempt_at = :leaseEnd, first_attempt_at = coalesce(d.first_attempt_at, :now)
              FROM due, webhook_event e, webhook_endpoint ep
             WHERE d.id = due.id AND e.id = d.event_id AND ep.id = d.endpoint_id
            RETURNING d.id, d.event_id, d.endpoint_id, d.attempts, d.first_attempt_at, e.created_at AS event_at,
                      e.payload::text AS payload, ep.url, ep.secret""";

    /** Records an attempt, unless the delivery was claimed again since (its lease ran out). */
    private static final String RECORD = """
            UPDATE webhook_delivery
               SET status = :status, next_attempt_at = :next, last_status = :lastStatus, last_error = :lastError,
                   delivered_at = CASE WHEN :status = 'DELIVERED' THEN :now ELSE delivered_at END
             WHERE id = :id AND attempts = :attempts
            RETURNING id""";

    /** A delivery claimed: what to post, where, and the attempt it is. */
    record Claimed(long id, long eventId, long endpointId, int attempts, Instant firstAttemptAt, String payload, String url,
            String secret) {
    }

    /** A receiver's answer, or why there was none. */
    record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    void start(@Observes StartupEvent started) {
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        // Before the first request: an event this instance would not write cannot be made up later. Without
        // a database, no change is made either, and the first round reads them.
        try {
            QuarkusTransaction.requiringNew().run(outbox::refresh);
            refreshedAt = clock.instant();
        } catch (RuntimeException e) {
            LOG.warnf("The webhooks' subscriptions are read once the database answers: %s", e.getMessage());
        }
        worker = Repeating.start("vigie-webhooks", config.webhooks().pollEvery(), this::runRound, LOG,
                "Webhooks are not delivered until the database answers again", "Webhooks are delivered again");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (worker != null) {
            worker.stop();
        }
    }

    /**
     * One round: the new events' deliveries, then every due delivery claimed, posted and recorded. Any
     * number of rounds may run at once, here and on other instances. Returns how many deliveries it posted.
     */
    public int dispatch() {
        QuarkusTransaction.requiringNew().run(() -> SqlStatement.of(FAN_OUT)
                .set("batch", FAN_OUT_BATCH)
                .set("now", Times.now(clock))
                .list(entityManager, row -> row.count("id")));
        Instant now = Times.now(clock);
        Duration lease = config.webhooks().connectTimeout().plus(config.webhooks().timeout()).plusSeconds(30);
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> SqlStatement.of(CLAIM)
                .set("now", now)
                .set("leaseEnd", now.plus(lease))
                .set("batch", config.webhooks().batchSize())
                .list(entityManager, row -> new Claimed(row.count("id"), row.count("event_id"), row.count("endpoint_id"),
                        row.integer("attempts"), row.instant("first_attempt_at"), row.string("payload"), row.string("url"),
                        row.string("secret"))));
        List<CompletableFuture<Outcome>> answers = claimed.stream().map(this::post).toList();
        for (int i = 0; i < claimed.size(); i++) {
            record(claimed.get(i), answers.get(i).join());
        }
        return claimed.size();
    }

    private CompletableFuture<Outcome> post(Claimed delivery) {
        String id = String.valueOf(delivery.eventId());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.webhooks().timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "Vigie-Webhooks")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(delivery.secret(), id, timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "invalid URL"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Outcome(response.statusCode(), null))
                .exceptionally(failure -> new Outcome(null, describe(failure)));
    }

    /** What went wrong, in a few words: never the body, which a receiver may fill with anything. */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String text = cause.getClass().getSimpleName() + message;
        return text.length() <= LAST_ERROR_LENGTH ? text : text.substring(0, LAST_ERROR_LENGTH - 1) + "…";
    }

    private void record(Claimed delivery, Outcome outcome) {
        Instant now = Times.now(clock);
        String status;
        Instant next = null;
        String error = outcome.error() != null ? outcome.error() : outcome.delivered() ? null : "HTTP " + outcome.status();
        if (outcome.delivered()) {
            status = "DELIVERED";
        } else if (!now.isBefore(delivery.firstAttemptAt().plus(config.webhooks().retryFor()))) {
            status = "FAILED";
            LOG.warnf("Webhook delivery %d (event %d, endpoint %d) failed for good after %d attempts: %s", delivery.id(),
                    delivery.eventId(), delivery.endpointId(), delivery.attempts(), error);
        } else {
            status = "PENDING";
            next = now.plus(backoff(delivery.attempts()));
            LOG.infof("Webhook delivery %d (event %d, endpoint %d) attempt %d failed: %s; next attempt at %s", delivery.id(),
                    delivery.eventId(), delivery.endpointId(), delivery.attempts(), error, next);
        }
        String recordedStatus = status;
        Instant recordedNext = next;
        QuarkusTransaction.requiringNew().run(() -> SqlStatement.of(RECORD)
                .set("status", recordedStatus)
                .set("next", recordedNext)
                .set("lastStatus", outcome.status())
                .set("lastError", error)
                .set("now", now)
                .set("id", delivery.id())
                .set("attempts", delivery.attempts())
                .list(entityManager, row -> row.count("id")));
    }

    /** The wait after this attempt failed: the schedule's, lengthened by up to a fifth at random. */
    private Duration backoff(int attempt) {
        List<Duration> delays = config.webhooks().retryDelays();
        Duration delay = delays.get(Math.min(attempt, delays.size()) - 1);
        return delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 5 + 1));
    }

    /** Reads the subscriptions again when it is time, then dispatches until no full batch is due. */
    private void runRound() {
        Instant now = clock.instant();
        if (!now.isBefore(refreshedAt.plus(config.webhooks().refreshEvery()))) {
            QuarkusTransaction.requiringNew().run(outbox::refresh);
            refreshedAt = now;
        }
        while (dispatch() == config.webhooks().batchSize()) {
            // A full batch: more may be due at once.
        }
    }
}
