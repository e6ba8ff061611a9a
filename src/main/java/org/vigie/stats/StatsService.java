package org.vigie.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.comment.StatusChange;
import org.vigie.platform.Rows;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.ReportReason;

/** Moderation figures over a window of days, computed in PostgreSQL. */
@ApplicationScoped
public class StatsService {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModerationStats stats(int days) {
        Instant since = clock.instant().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Long> comments = new LinkedHashMap<>();
        for (ModerationStatus status : List.of(ModerationStatus.VISIBLE, ModerationStatus.PENDING, ModerationStatus.REJECTED)) {
            comments.put(status.name(), 0L);
        }
        Rows.forEach(query("SELECT status, count(*) AS comments FROM comment WHERE created_at >= ?1 GROUP BY status", since),
                row -> comments.put(row.string("status"), row.count("comments")));

        ModerationStats.TimeToDecision timeToDecision = Rows.single(query("""
                SELECT count(*) AS decisions,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
                  FROM (SELECT extract(epoch FROM e.created_at - c.created_at) AS seconds
                          FROM audit_entry e JOIN comment c ON c.id = e.comment_id
                         WHERE e.actor_kind = 'MODERATOR' AND e.action IN ('APPROVE', 'REJECT')
                           AND e.created_at >= ?1
                           AND NOT EXISTS (SELECT 1 FROM audit_entry p
                                            WHERE p.comment_id = e.comment_id AND p.actor_kind = 'MODERATOR'
                                              AND p.action IN ('APPROVE', 'REJECT')
                                              AND (p.created_at, p.id) < (e.created_at, e.id))) first_decisions
                """, since), row -> new ModerationStats.TimeToDecision(row.count("decisions"),
                        row.nullableDouble("median"), row.nullableDouble("p90")));

        Map<String, Map<String, Long>> decisions = new TreeMap<>();
        Rows.forEach(query("""
                SELECT actor, action, count(*) AS decisions FROM audit_entry
                 WHERE actor_kind = 'MODERATOR' AND action IN ('APPROVE', 'REJECT', 'BAN') AND created_at >= ?1
                 GROUP BY actor, action
                """, since), row -> decisions.computeIfAbsent(row.string("actor"), k -> new TreeMap<>())
                        .put(row.string("action"), row.count("decisions")));

        List<ModerationStats.RuleHits> ruleHits = Rows.list(query("""
                SELECT m->>'ruleId' AS rule_id, count(*) AS hits,
                       count(*) FILTER (WHERE (m->>'decisive')::boolean) AS decisive,
                       count(*) FILTER (WHERE m->>'mode' = 'shadow') AS shadow
                  FROM comment c, jsonb_array_elements(c.matches) m
                 WHERE c.created_at >= ?1 AND m->>'ruleId' <> ?2
                 GROUP BY 1 ORDER BY 2 DESC, 1
                """, since).setParameter(2, StatusChange.MODERATOR_DECISION),
                row -> new ModerationStats.RuleHits(row.string("rule_id"), row.count("hits"), row.count("decisive"),
                        row.count("shadow")));

        Map<String, Long> reports = new TreeMap<>();
        for (ReportReason reason : ReportReason.values()) {
            reports.put(reason.name(), 0L);
        }
        Rows.forEach(query("SELECT reason, count(*) AS reports FROM report WHERE created_at >= ?1 GROUP BY reason", since),
                row -> reports.put(row.string("reason"), row.count("reports")));

        return new ModerationStats(days, since, comments, timeToDecision, decisions, ruleHits, reports);
    }

    private jakarta.persistence.Query query(String sql, Instant since) {
        return entityManager.createNativeQuery(sql, Tuple.class).setParameter(1, since);
    }
}
