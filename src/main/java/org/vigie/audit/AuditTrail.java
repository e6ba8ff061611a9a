package org.vigie.audit;

import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.rules.ModerationStatus;

/**
 * Writes the audit trail: every status change, with who made it and when. The only code that writes
 * {@code audit_entry}; entries are appended, and only an erasure ever edits one (to forget free text).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager entityManager;

    /** A rule set a status: on a new comment (from nothing) or on a report. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byRule(long commentId, String ruleId, Integer ruleSetVersion, String action, ModerationStatus from,
            ModerationStatus to, String explanation, Instant at) {
        AuditEntry entry = entry(commentId, AuditEntry.ActorKind.RULE, ruleId, action, from, to, at);
        entry.ruleSetVersion = ruleSetVersion;
        entry.reason = truncate(explanation, 500);
        entry.persist();
    }

    /** A moderator decided, banned the author or erased them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byModerator(long commentId, String moderator, String action, ModerationStatus from,
            ModerationStatus to, String reason, String note, Instant at) {
        AuditEntry entry = entry(commentId, AuditEntry.ActorKind.MODERATOR, moderator, action, from, to, at);
        entry.reason = truncate(reason, 500);
        entry.note = truncate(note, 2000);
        entry.persist();
    }

    /** Forgets the free text (reasons, notes) of these comments' entries: what an erasure keeps is ids and statuses. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetText(Collection<Long> commentIds) {
        if (!commentIds.isEmpty()) {
            // One array parameter, however many comments the author wrote.
            entityManager.createNativeQuery("UPDATE audit_entry SET reason = NULL, note = NULL WHERE comment_id = ANY(?1)")
                    .setParameter(1, commentIds.toArray(Long[]::new))
                    .executeUpdate();
        }
    }

    private static AuditEntry entry(long commentId, AuditEntry.ActorKind kind, String actor, String action,
            ModerationStatus from, ModerationStatus to, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.commentId = commentId;
        entry.actorKind = kind;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.createdAt = at;
        return entry;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
