package org.vigie.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.vigie.platform.Cursor;

/** Reads the audit trail; nothing in the API updates or deletes it. */
@ApplicationScoped
public class AuditLog {

    static final String ORDERING = "audit";

    /** What to read. */
    public record Filter(String actor, Long commentId, Instant from, Instant to) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage read(Filter filter, int limit, String cursorToken) {
        Cursor after = Cursor.decode(cursorToken, ORDERING);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(conditions, parameters, "e.actor = :actor", "actor", filter.actor());
        condition(conditions, parameters, "e.commentId = :commentId", "commentId", filter.commentId());
        condition(conditions, parameters, "e.createdAt >= :from", "from", filter.from());
        condition(conditions, parameters, "e.createdAt < :to", "to", filter.to());
        if (after != null) {
            conditions.add("(e.createdAt, e.id) < (:at, :id)");
            parameters.put("at", after.instant());
            parameters.put("id", after.id());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<AuditEntry> query = entityManager.createQuery("SELECT e FROM AuditEntry e" + where
                + " ORDER BY e.createdAt DESC, e.id DESC", AuditEntry.class)
                .setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        Cursor.Page<AuditEntry> page = Cursor.page(query.getResultList(), limit, ORDERING,
                e -> Cursor.at(e.createdAt, e.id));
        return new AuditPage(page.items().stream()
                .map(e -> new AuditPage.Item(e.id, e.commentId, HistoryEntry.of(e))).toList(),
                page.nextCursor());
    }

    /** Every status change of a comment, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(long commentId) {
        return histories(List.of(commentId)).getOrDefault(commentId, List.of());
    }

    /** Every status change of these comments, oldest first, by comment: one query however many they are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<HistoryEntry>> histories(Collection<Long> commentIds) {
        Map<Long, List<HistoryEntry>> histories = new HashMap<>();
        if (!commentIds.isEmpty()) {
            entityManager.createQuery("SELECT e FROM AuditEntry e WHERE e.commentId IN :ids ORDER BY e.createdAt, e.id",
                    AuditEntry.class)
                    .setParameter("ids", commentIds)
                    .getResultStream()
                    .forEach(e -> histories.computeIfAbsent(e.commentId, id -> new ArrayList<>()).add(HistoryEntry.of(e)));
        }
        return histories;
    }

    /** Adds a filter's condition when the filter was given. */
    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition,
            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
