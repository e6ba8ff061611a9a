package org.vigie.author;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.comment.Comment;
import org.vigie.moderation.AuditEntry;
import org.vigie.moderation.ModeratedComment;
import org.vigie.platform.Times;

/**
 * The rights of access and erasure: everything stored about an email, and its removal. Erased comments
 * stay as tombstones so that threads and replies keep their shape.
 */
@ApplicationScoped
public class AuthorErasure {

    public static final String TOMBSTONE = "[commentaire supprimé]";
    public static final String ERASED_NAME = "[supprimé]";

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorService authors;

    /** Everything stored about an email, in a fixed number of queries however many comments it posted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorExport export(String email) {
        String address = AuthorService.normalize(email);
        List<Object[]> own = entityManager.createQuery("SELECT c, a.key FROM Comment c JOIN Article a ON a.id = c.articleId"
                + " WHERE lower(c.authorEmail) = :email ORDER BY c.createdAt, c.id", Object[].class)
                .setParameter("email", address).getResultList();
        Map<Long, List<AuthorExport.ReportedAs>> reports = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> reportRows = entityManager.createNativeQuery("""
                SELECT r.comment_id, r.reason, r.details, r.created_at FROM report r
                  JOIN comment c ON c.id = r.comment_id
                 WHERE lower(c.author_email) = ?1 ORDER BY r.created_at, r.id
                """).setParameter(1, address).getResultList();
        reportRows.forEach(r -> reports.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>())
                .add(new AuthorExport.ReportedAs((String) r[1], (String) r[2], Times.instant(r[3]))));
        Map<Long, List<ModeratedComment.HistoryEntry>> history = new HashMap<>();
        entityManager.createQuery("SELECT e FROM AuditEntry e WHERE e.commentId IN"
                + " (SELECT c.id FROM Comment c WHERE lower(c.authorEmail) = :email) ORDER BY e.createdAt, e.id", AuditEntry.class)
                .setParameter("email", address)
                .getResultStream()
                .forEach(e -> history.computeIfAbsent(e.commentId, id -> new ArrayList<>()).add(ModeratedComment.HistoryEntry.of(e)));
        List<AuthorExport.ExportedComment> comments = own.stream().map(row -> {
            Comment c = (Comment) row[0];
            return new AuthorExport.ExportedComment(c.id, (String) row[1], c.parentId, c.inReplyTo, c.authorName, c.body,
                    c.status.name(), c.createdAt, c.ipHash, c.matches, reports.getOrDefault(c.id, List.of()),
                    history.getOrDefault(c.id, List.of()));
        }).toList();
        return new AuthorExport(address, Instant.now(), comments, authors.premoderated(address), authors.bans(address));
    }

    /**
     * Erases an email (every statement of the WITH runs, whether or not the last one reads it): its comments
     * become tombstones without name, email, address hash, fingerprint or
     * rule evidence; reports on them lose their details (free text about the author); their audit entries
     * keep only ids and statuses; bans and settings on the email go.
     * Each erased comment gets an ERASE entry in the audit trail.
     */
    @Transactional
    public int erase(String email, String admin) {
        String address = AuthorService.normalize(email);
        int erased = ((Number) entityManager.createNativeQuery("""
                WITH erased AS (
                    UPDATE comment
                       SET body = ?2, author_name = ?3, author_email = NULL, ip_hash = NULL, fingerprint = NULL,
                           matches = '[]'::jsonb, erased_at = now(), version = version + 1
                     WHERE lower(author_email) = ?1
                    RETURNING id, status),
                scrubbed AS (
                    UPDATE audit_entry SET reason = NULL, note = NULL
                     WHERE comment_id IN (SELECT id FROM erased)
                    RETURNING 1),
                unreported AS (
                    UPDATE report SET details = NULL
                     WHERE comment_id IN (SELECT id FROM erased)
                    RETURNING 1),
                recorded AS (
                    INSERT INTO audit_entry (comment_id, actor_kind, actor, action, from_status, to_status, created_at)
                    SELECT id, 'MODERATOR', ?4, 'ERASE', status, status, now() FROM erased
                    RETURNING 1)
                SELECT count(*) FROM erased
                """)
                .setParameter(1, address)
                .setParameter(2, TOMBSTONE)
                .setParameter(3, ERASED_NAME)
                .setParameter(4, admin)
                .getSingleResult()).intValue();
        entityManager.createNativeQuery("DELETE FROM ban WHERE email = ?1").setParameter(1, address).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM author_setting WHERE email = ?1").setParameter(1, address)
                .executeUpdate();
        return erased;
    }
}
