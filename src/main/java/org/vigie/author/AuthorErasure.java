package org.vigie.author;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT c.id, a.article_key, c.parent_id, c.in_reply_to, c.author_name, c.body, c.status, c.created_at,
                       c.ip_hash, c.report_count
                  FROM comment c JOIN article a ON a.id = c.article_id
                 WHERE lower(c.author_email) = ?1 ORDER BY c.created_at, c.id
                """).setParameter(1, address).getResultList();
        List<AuthorExport.ExportedComment> comments = rows.stream().map(row -> new AuthorExport.ExportedComment(
                ((Number) row[0]).longValue(), (String) row[1], row[2] == null ? null : ((Number) row[2]).longValue(),
                row[3] == null ? null : ((Number) row[3]).longValue(), (String) row[4], (String) row[5], (String) row[6],
                toInstant(row[7]), (String) row[8], ((Number) row[9]).intValue())).toList();
        AuthorProfile profile = authors.profile(address);
        return new AuthorExport(address, Instant.now(), comments, profile.premoderated(), profile.bans());
    }

    /**
     * Erases an email (every statement of the WITH runs, whether or not the last one reads it): its comments
     * become tombstones without name, email, address hash, fingerprint or
     * rule evidence; their audit entries keep only ids and statuses; bans and settings on the email go.
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

    private static Instant toInstant(Object value) {
        return value instanceof Instant instant ? instant
                : value instanceof java.time.OffsetDateTime time ? time.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
