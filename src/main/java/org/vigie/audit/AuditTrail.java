package org.vigie.audit;

import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.platform.SqlStatement;
import org.vigie.rules.ModerationStatus;

/**
 * Writes the audit trail: every status change and every edit, with who made it and when. The only code that writes
 * {@code audit_entry} (posting runs the statement end {@link #insertedByRule} gives); entries are appended,
 * and only an erasure ever edits one (to forget free text).
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

    /**
     * The end of a statement that records the rule's verdict on the comments its {@code WITH} clause
     * inserted, as {@link #byRule} does: {@code WITH inserted AS (INSERT INTO comment ... RETURNING id) }
     * followed by this, with its parameters bound by {@link #bindInsertedByRule}. The statement returns the
     * ids of the comments recorded: posting writes its comment and its audit entry in one round trip.
     */
    public static String insertedByRule(String cte) {
        return "INSERT INTO audit_entry (comment_id, actor_kind, actor, rule_set_version, action, from_status, to_status, reason, created_at)"
                + " SELECT id, 'RULE', :auditActor, :auditVersion, :auditAction, NULL, :auditTo, :auditReason, :auditAt FROM " + cte
                + " RETURNING comment_id";
    }

    public static SqlStatement bindInsertedByRule(SqlStatement statement, String ruleId, Integer ruleSetVersion, String action,
            ModerationStatus to, String explanation, Instant at) {
        return statement.set("auditActor", ruleId)
                .set("auditVersion", ruleSetVersion)
                .set("auditAction", action)
                .set("auditTo", to.name())
                .set("auditReason", truncate(explanation, 500))
                .set("auditAt", at);
    }

    /** The actor of the entries {@link #byAuthor} writes: authors are not named in the trail. */
    public static final String AUTHOR = "author";

    /**
     * The author edited the comment and the rules judged the new text: {@code ruleId} decided its status,
     * with the rule set {@code ruleSetVersion}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byAuthor(long commentId, String action, ModerationStatus from, ModerationStatus to, String ruleId,
            Integer ruleSetVersion, String explanation, Instant at) {
        AuditEntry entry = entry(commentId, AuditEntry.ActorKind.AUTHOR, AUTHOR, action, from, to, at);
        entry.ruleId = ruleId;
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
