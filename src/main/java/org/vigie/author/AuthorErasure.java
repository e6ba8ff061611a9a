package org.vigie.author;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorExport export(String email) {
        String address = AuthorService.normalize(email);
        List<org.vigie.comment.Comment> own = entityManager.createQuery(
                "SELECT c FROM Comment c WHERE lower(c.authorEmail) = :email ORDER BY c.createdAt, c.id",
                org.vigie.comment.Comment.class).setParameter("email", address).getResultList();
        List<AuthorExport.ExportedComment> comments = own.stream().map(c -> {
            org.vigie.article.Article article = org.vigie.article.Article.findById(c.articleId);
            @SuppressWarnings("unchecked")
            List<Object[]> reports = entityManager.createNativeQuery(
                    "SELECT reason, details, created_at FROM report WHERE comment_id = ?1 ORDER BY created_at, id")
                    .setParameter(1, c.id).getResultList();
            return new AuthorExport.ExportedComment(c.id, article.key, c.parentId, c.inReplyTo, c.authorName, c.body,
                    c.status.name(), c.createdAt, c.ipHash, c.matches,
                    reports.stream().map(r -> new AuthorExport.ReportedAs((String) r[0], (String) r[1], Times.instant(r[2]))).toList(),
                    org.vigie.moderation.AuditEntry.<org.vigie.moderation.AuditEntry> list(
                            "commentId = ?1 ORDER BY createdAt, id", c.id).stream()
                            .map(org.vigie.moderation.ModeratedComment.HistoryEntry::of).toList());
        }).toList();
        AuthorProfile profile = authors.profile(address);
        return new AuthorExport(address, Instant.now(), comments, profile.premoderated(), profile.bans());
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
