package org.vigie.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vigie.rules.ModerationStatus;

/** Writes the audit trail: every status change, with who made it. */
@ApplicationScoped
public class AuditTrail {

    /** A rule set a status: on a new comment (from nothing) or on a report. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byRule(long commentId, String ruleId, Integer ruleSetVersion, String action, ModerationStatus from,
            ModerationStatus to, String explanation) {
        AuditEntry entry = entry(commentId, AuditEntry.ActorKind.RULE, ruleId, action, from, to);
        entry.ruleSetVersion = ruleSetVersion;
        entry.reason = truncate(explanation, 500);
        entry.persist();
    }

    /** A moderator decided. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry byModerator(long commentId, String moderator, String action, ModerationStatus from,
            ModerationStatus to, String reason, String note) {
        AuditEntry entry = entry(commentId, AuditEntry.ActorKind.MODERATOR, moderator, action, from, to);
        entry.reason = reason;
        entry.note = note;
        entry.persist();
        return entry;
    }

    private static AuditEntry entry(long commentId, AuditEntry.ActorKind kind, String actor, String action,
            ModerationStatus from, ModerationStatus to) {
        AuditEntry entry = new AuditEntry();
        entry.commentId = commentId;
        entry.actorKind = kind;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return entry;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
