package org.vigie.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * A sliding-window limit kept in PostgreSQL, so it holds across every instance of the service. Each
 * bucket row keeps the times of its recent hits; one upsert both checks and records a hit, under the
 * row's lock, so concurrent requests cannot slip past the limit.
 *
 * <p>Hits are stamped by PostgreSQL's clock when the upsert runs, under the row's lock: the buckets are
 * shared by every instance and their times are only ever compared with each other, so the one clock
 * every instance sees keeps each bucket's hits in order. Nothing else reads them.
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    EntityManager entityManager;

    /**
     * Records one hit for {@code action} from {@code ipHash}, or throws {@link RateLimited} when the
     * client already made {@code perMinute} hits in the last minute. Runs in the caller's transaction:
     * a request that fails later does not use up the client's allowance.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hit(String action, String ipHash, int perMinute) {
        SqlStatement upsert = bindHit(SqlStatement.of(HIT + " RETURNING 1 AS recorded"), action, ipHash, perMinute);
        if (upsert.list(entityManager, row -> row).isEmpty()) {
            refuse(action, ipHash, perMinute);
        }
    }

    /**
     * The upsert of {@link #hit}, for a statement that records a hit along with what it allows: put it in
     * a {@code WITH} clause ({@code hit AS (HIT RETURNING 1)}), make the rest of the statement depend on a
     * row of it, and bind its parameters with {@link #bindHit}. When the statement returns nothing because
     * of it, call {@link #refuse}.
     */
    public static final String HIT = """
            INSERT INTO rate_limit (bucket, hits) VALUES (:rateBucket, ARRAY[clock_timestamp()])
            ON CONFLICT (bucket) DO UPDATE
               SET hits = ARRAY(SELECT h FROM unnest(rate_limit.hits) h
                                WHERE h > clock_timestamp() - make_interval(secs => :rateWindow) ORDER BY h)
                          || clock_timestamp()
             WHERE (SELECT count(*) FROM unnest(rate_limit.hits) h
                    WHERE h > clock_timestamp() - make_interval(secs => :rateWindow)) < :ratePerMinute""";

    public static SqlStatement bindHit(SqlStatement statement, String action, String ipHash, int perMinute) {
        return statement.set("rateBucket", action + ":" + ipHash)
                .set("ratePerMinute", perMinute)
                .set("rateWindow", WINDOW.toSeconds());
    }

    /** Throws {@link RateLimited}, with the seconds until the client may try again. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void refuse(String action, String ipHash, int perMinute) {
        throw new RateLimited(secondsUntilFree(action + ":" + ipHash, perMinute).orElse(1L));
    }

    /** Seconds until {@code action} is allowed again from {@code ipHash}, if it is not allowed now; records nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> blockedFor(String action, String ipHash, int perMinute) {
        return secondsUntilFree(action + ":" + ipHash, perMinute);
    }

    /** When the bucket is full, the time until its oldest hit in the window leaves it. */
    private Optional<Long> secondsUntilFree(String bucket, int perMinute) {
        @SuppressWarnings("unchecked")
        List<Object> wait = entityManager.createNativeQuery("""
                SELECT ceil(extract(epoch FROM (min(h) + make_interval(secs => ?2) - clock_timestamp())))
                  FROM rate_limit, unnest(hits) h
                 WHERE bucket = ?1 AND h > clock_timestamp() - make_interval(secs => ?2)
                HAVING count(*) >= ?3
                """)
                .setParameter(1, bucket)
                .setParameter(2, WINDOW.toSeconds())
                .setParameter(3, perMinute)
                .getResultList();
        return wait.isEmpty() ? Optional.empty() : Optional.of(Math.max(1L, ((Number) wait.get(0)).longValue()));
    }

    /** Forgets buckets with no hit in the window; they hold no state worth keeping. */
    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetIdleBuckets() {
        entityManager.createNativeQuery(
                "DELETE FROM rate_limit WHERE hits[array_upper(hits, 1)] < clock_timestamp() - make_interval(secs => ?1)")
                .setParameter(1, WINDOW.toSeconds())
                .executeUpdate();
    }
}
