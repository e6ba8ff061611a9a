package org.vigie.author;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vigie.moderation.ModerationService;
import org.vigie.platform.DomainException;
import org.vigie.rules.Action;
import org.vigie.rules.Match;
import org.vigie.rules.Mode;

/** Bans and suspensions: made, listed, lifted. */
@ApplicationScoped
public class BanService {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /**
     * Bans an author. With {@code rejectExisting}, their comments still visible or pending are rejected in
     * the same transaction, each with an entry in the audit trail.
     */
    @Transactional
    public BanView ban(NewBan request, String moderator) {
        Ban ban = new Ban();
        ban.email = AuthorService.normalize(request.email());
        ban.ipHash = request.ipHash() == null || request.ipHash().isBlank() ? null : request.ipHash();
        ban.reason = request.reason().strip();
        ban.until = request.until() == null ? null : request.until().truncatedTo(ChronoUnit.MICROS);
        ban.createdBy = moderator;
        ban.persistAndFlush();
        entityManager.refresh(ban);
        Integer rejected = null;
        if (Boolean.TRUE.equals(request.rejectExisting())) {
            rejected = rejectExisting(ban, moderator);
        }
        return BanView.of(ban, rejected);
    }

    /**
     * Rejects the banned author's visible and pending comments, and records each change. Their rows and the
     * comments they reply to are locked first, newest first, as the counters' trigger locks a reply before
     * its parent: a ban cannot deadlock with a decision or a reply on the same threads.
     */
    private int rejectExisting(Ban ban, String moderator) {
        entityManager.createNativeQuery("""
                SELECT id FROM comment
                 WHERE id IN (SELECT id FROM comment WHERE (lower(author_email) = ?1 OR ip_hash = ?2) AND status <> 'REJECTED')
                    OR id IN (SELECT parent_id FROM comment WHERE (lower(author_email) = ?1 OR ip_hash = ?2)
                                AND status <> 'REJECTED' AND parent_id IS NOT NULL)
                 ORDER BY id DESC FOR UPDATE
                """)
                .setParameter(1, ban.email == null ? "" : ban.email)
                .setParameter(2, ban.ipHash == null ? "" : ban.ipHash)
                .getResultList();
        String decision = rejection("Rejeté par " + moderator + " : banni (" + ban.reason + ")");
        return ((Number) entityManager.createNativeQuery("""
                WITH target AS (
                    SELECT id, status FROM comment
                     WHERE (lower(author_email) = ?1 OR ip_hash = ?2) AND status <> 'REJECTED'),
                changed AS (
                    UPDATE comment c
                       SET status = 'REJECTED', status_changed_at = now(), moderated_at = now(),
                           flagged = false, approved_by_moderator = false, version = c.version + 1,
                           matches = c.matches || CAST(?5 AS jsonb)
                      FROM target t WHERE c.id = t.id
                    RETURNING c.id, t.status AS previous),
                audited AS (
                    INSERT INTO audit_entry (comment_id, actor_kind, actor, action, from_status, to_status, reason, created_at)
                    SELECT id, 'MODERATOR', ?3, 'BAN', previous, 'REJECTED', ?4, now() FROM changed
                    RETURNING 1)
                SELECT count(*) FROM audited
                """)
                .setParameter(1, ban.email == null ? "" : ban.email)
                .setParameter(2, ban.ipHash == null ? "" : ban.ipHash)
                .setParameter(3, moderator)
                .setParameter(4, "Banni : " + ban.reason)
                .setParameter(5, decision)
                .getSingleResult()).intValue();
    }

    /** The match a moderator's rejection records, as a JSON array to append to a comment's matches. */
    private String rejection(String explanation) {
        try {
            return json.writeValueAsString(List.of(Match.of(ModerationService.MODERATOR_DECISION, Action.REJECT,
                    Mode.ENFORCE, explanation, null, true)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BanView> list(boolean activeOnly) {
        List<Ban> bans = activeOnly
                ? Ban.list("liftedAt IS NULL AND (until IS NULL OR until > ?1) ORDER BY createdAt DESC", Instant.now())
                : Ban.list("ORDER BY createdAt DESC");
        return bans.stream().map(BanView::of).toList();
    }

    /** Lifts a ban; lifting it again changes nothing. */
    @Transactional
    public void lift(long id, String moderator) {
        Ban ban = Ban.findById(id);
        if (ban == null) {
            throw new BanNotFound(id);
        }
        if (ban.liftedAt == null) {
            ban.liftedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ban.liftedBy = moderator;
        }
    }

    /** No ban has this id. */
    public static class BanNotFound extends DomainException {
        BanNotFound(long id) {
            super(404, "ban-not-found", "Ban not found", "No ban has the id " + id + ".");
        }
    }
}
