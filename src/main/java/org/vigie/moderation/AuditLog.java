package org.vigie.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
        if (filter.actor() != null) {
            conditions.add("e.actor = :actor");
        }
        if (filter.commentId() != null) {
            conditions.add("e.commentId = :commentId");
        }
        if (filter.from() != null) {
            conditions.add("e.createdAt >= :from");
        }
        if (filter.to() != null) {
            conditions.add("e.createdAt < :to");
        }
        if (after != null) {
            conditions.add("(e.createdAt, e.id) < (:at, :id)");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<AuditEntry> query = entityManager.createQuery("SELECT e FROM AuditEntry e" + where
                + " ORDER BY e.createdAt DESC, e.id DESC", AuditEntry.class)
                .setMaxResults(limit + 1);
        if (filter.actor() != null) {
            query.setParameter("actor", filter.actor());
        }
        if (filter.commentId() != null) {
            query.setParameter("commentId", filter.commentId());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (after != null) {
            query.setParameter("at", after.instant()).setParameter("id", after.id());
        }
        List<AuditEntry> entries = query.getResultList();
        String nextCursor = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            AuditEntry last = entries.get(limit - 1);
            nextCursor = Cursor.at(last.createdAt, last.id).encode(ORDERING);
        }
        return new AuditPage(entries.stream()
                .map(e -> new AuditPage.Item(e.id, e.commentId, ModeratedComment.HistoryEntry.of(e))).toList(), nextCursor);
    }
}
