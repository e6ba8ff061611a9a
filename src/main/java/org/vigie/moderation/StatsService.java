package org.vigie.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Moderation figures over a window of days, computed in PostgreSQL. */
@ApplicationScoped
public class StatsService {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public ModerationStats stats(int days) {
        Instant since = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Long> comments = new LinkedHashMap<>();
        for (String status : List.of("VISIBLE", "PENDING", "REJECTED")) {
            comments.put(status, 0L);
        }
        ((List<Object[]>) entityManager.createNativeQuery(
                "SELECT status, count(*) FROM comment WHERE created_at >= ?1 GROUP BY status")
                .setParameter(1, since).getResultList())
                .forEach(row -> comments.put((String) row[0], ((Number) row[1]).longValue()));

        Object[] times = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)
                  FROM (SELECT extract(epoch FROM e.created_at - c.created_at) AS seconds
                          FROM audit_entry e JOIN comment c ON c.id = e.comment_id
                         WHERE e.actor_kind = 'MODERATOR' AND e.action IN ('APPROVE', 'REJECT')
                           AND e.created_at >= ?1
                           AND NOT EXISTS (SELECT 1 FROM audit_entry p
                                            WHERE p.comment_id = e.comment_id AND p.actor_kind = 'MODERATOR'
                                              AND p.action IN ('APPROVE', 'REJECT')
                                              AND (p.created_at, p.id) < (e.created_at, e.id))) first_decisions
                """).setParameter(1, since).getSingleResult();
        ModerationStats.TimeToDecision timeToDecision = new ModerationStats.TimeToDecision(
                ((Number) times[0]).longValue(), times[1] == null ? null : ((Number) times[1]).doubleValue(),
                times[2] == null ? null : ((Number) times[2]).doubleValue());

        Map<String, Map<String, Long>> decisions = new TreeMap<>();
        ((List<Object[]>) entityManager.createNativeQuery("""
                SELECT actor, action, count(*) FROM audit_entry
                 WHERE actor_kind = 'MODERATOR' AND action IN ('APPROVE', 'REJECT', 'BAN') AND created_at >= ?1
                 GROUP BY actor, action
                """).setParameter(1, since).getResultList())
                .forEach(row -> decisions.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                        .put((String) row[1], ((Number) row[2]).longValue()));

        List<ModerationStats.RuleHits> ruleHits = ((List<Object[]>) entityManager.createNativeQuery("""
                SELECT m->>'ruleId', count(*),
                       count(*) FILTER (WHERE (m->>'decisive')::boolean),
                       count(*) FILTER (WHERE m->>'mode' = 'shadow')
                  FROM comment c, jsonb_array_elements(c.matches) m
                 WHERE c.created_at >= ?1 AND m->>'ruleId' <> ?2
                 GROUP BY 1 ORDER BY 2 DESC, 1
                """).setParameter(1, since).setParameter(2, ModerationService.MODERATOR_DECISION)
                .getResultList()).stream()
                .map(row -> new ModerationStats.RuleHits((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                .toList();

        Map<String, Long> reports = new TreeMap<>();
        ((List<Object[]>) entityManager.createNativeQuery(
                "SELECT reason, count(*) FROM report WHERE created_at >= ?1 GROUP BY reason")
                .setParameter(1, since).getResultList())
                .forEach(row -> reports.put((String) row[0], ((Number) row[1]).longValue()));

        return new ModerationStats(days, since, comments, timeToDecision, decisions, ruleHits, reports);
    }
}
