package org.vigie.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.article.Article;
import org.vigie.audit.AuditTrail;
import org.vigie.moderation.ModerationPipeline;
import org.vigie.platform.Rows;
import org.vigie.platform.Times;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Verdict;
import org.vigie.webhook.WebhookData;
import org.vigie.webhook.WebhookEventType;
import org.vigie.webhook.WebhookOutbox;

/**
 * Every change to a comment after it was posted: its status (by a moderator or a rule), its author's
 * edits, its reports and flag, and its erasure. With {@link CommentService#post}, the only code that
 * writes {@code comment} and {@code comment_version}.
 */
@ApplicationScoped
public class CommentModeration {

    @Inject
    Event<ThreadChanged> threadChanged;


    /** What an erased comment shows in threads. */
    public static final String TOMBSTONE = "[commentaire supprimé]";
    public static final String ERASED_NAME = "[supprimé]";

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    /**
     * Changes a comment's status and records it in the audit trail, in the caller's transaction: the one
     * road for approving or rejecting a comment, whoever asks. The caller holds the comment's row lock.
     * A moderator's decision answers the flag and says whether reports alone may hide the comment again.
     *
     * @return when the change was made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant change(Comment comment, StatusChange change) {
        Instant now = Times.now(clock);
        ModerationStatus from = comment.status;
        comment.status = change.to();
        comment.statusChangedAt = now;
        if (change.byModerator()) {
            comment.moderatedAt = now;
            comment.flagged = false;
            comment.approvedByModerator = change.to() == ModerationStatus.VISIBLE;
            audit.byModerator(comment.id, change.actor(), change.action(), from, change.to(), change.reason(),
                    change.note(), now);
        } else {
            audit.byRule(comment.id, change.actor(), change.ruleSetVersion(), change.action(), from, change.to(),
                    change.reason(), now);
        }
        addMatches(comment, change.matches());
        WebhookData.ActorKind kind = change.byModerator() ? WebhookData.ActorKind.MODERATOR
                : REPORTED.equals(change.action()) ? WebhookData.ActorKind.REPORTS : WebhookData.ActorKind.RULE;
        announce(comment, new WebhookData.Change(from, change.to(), kind, change.byModerator() ? change.actor() : null,
                change.byModerator() ? null : change.actor(), change.ruleSetVersion(), change.action(), change.reason()));
        if (from == ModerationStatus.VISIBLE || change.to() == ModerationStatus.VISIBLE) {
            threadChanged.fire(new ThreadChanged(comment.articleId));
        }
        return now;
    }

    /**
     * Replaces a comment's text with its author's edit, judged by the rules: the text it replaces is kept
     * with the status and matches it had, the comment takes the new verdict (matches, status, fingerprint),
     * and the audit trail records the edit by the author with the deciding rule. In the caller's
     * transaction, which holds the comment's row lock. Readers' threads change as for a decision: this
     * instance forgets the article's pages once the change commits, and the others learn it through the
     * database.
     *
     * @return when the edit was made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant edit(Comment comment, String body, ModerationPipeline.Decided decided) {
        Instant now = Times.now(clock);
        // Taken from the row before the entity changes: the text and verdict being replaced.
        entityManager.createNativeQuery("""
                INSERT INTO comment_version (comment_id, number, body, status, matches, rule_set_version, written_at, replaced_at)
                SELECT id, edit_count + 1, body, status, matches, rule_set_version, coalesce(edited_at, created_at), ?2
                  FROM comment WHERE id = ?1
                """)
                .setParameter(1, comment.id)
                .setParameter(2, now)
                .executeUpdate();
        Verdict verdict = decided.verdict();
        ModerationStatus from = comment.status;
        comment.body = body;
        comment.status = verdict.status();
        if (from != verdict.status()) {
            comment.statusChangedAt = now;
        }
        comment.matches = verdict.matches();
        // Readers' reports were about the comment, whatever its text: they still ask for a moderator's look.
        comment.flagged = verdict.flagged() || (comment.flagged && comment.reportCount > 0);
        comment.fingerprint = decided.fingerprint();
        comment.ruleSetVersion = decided.ruleSetVersion();
        comment.editCount++;
        comment.editedAt = now;
        Match decisive = verdict.decisive().orElseThrow();
        audit.byAuthor(comment.id, EDITED, from, verdict.status(), decisive.ruleId(), decided.ruleSetVersion(),
                decisive.explanation(), now);
        if (from != verdict.status()) {
            announce(comment, new WebhookData.Change(from, verdict.status(), WebhookData.ActorKind.AUTHOR, null,
                    decisive.ruleId(), decided.ruleSetVersion(), EDITED, decisive.explanation()));
        }
        if (from == ModerationStatus.VISIBLE && verdict.status() == ModerationStatus.VISIBLE) {
            threadChanged.fire(ThreadChanged.textOf(comment.articleId));
        } else if (from == ModerationStatus.VISIBLE || verdict.status() == ModerationStatus.VISIBLE) {
            threadChanged.fire(new ThreadChanged(comment.articleId));
        }
        return now;
    }

    /** The action under which the audit trail records an author's edit. */
    public static final String EDITED = "EDITED";

    /** The action under which the audit trail records a change the report rules made. */
    public static final String REPORTED = "REPORT";

    /** The comment.status_changed event of a change just made, for the webhooks that subscribe to it. */
    private void announce(Comment comment, WebhookData.Change change) {
        webhooks.record(WebhookEventType.COMMENT_STATUS_CHANGED, () -> new WebhookData.CommentEvent(new WebhookData.CommentData(
                comment.id, entityManager.find(Article.class, comment.articleId).key, comment.parentId, comment.authorName,
                comment.body, comment.status, comment.createdAt), change));
    }

    /** Counts a new report: the reporters so far, and when the last one came. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(Comment comment, int reporters, Instant at) {
        comment.reportCount = reporters;
        comment.reportedAt = at;
    }

    /** Puts a visible comment in the review queue, with the matches that asked for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flag(Comment comment, List<Match> matches) {
        comment.flagged = true;
        addMatches(comment, matches);
    }

    /** A comment erased with its author: its id and the status it kept. */
    public record Erased(long id, ModerationStatus status) {
    }

    /**
     * Turns every comment of an email into a tombstone without name, email, address hash, fingerprint or
     * rule evidence. Threads and replies keep their shape.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Erased> erase(String address) {
        threadChanged.fire(ThreadChanged.everywhere());
        // The texts their author replaced go too: an erased author left no words behind.
        entityManager.createNativeQuery("DELETE FROM comment_version WHERE comment_id IN (SELECT id FROM comment WHERE lower(author_email) = ?1)")
                .setParameter(1, address)
                .executeUpdate();
        return Rows.list(entityManager.createNativeQuery("""
                UPDATE comment
                   SET body = ?2, author_name = ?3, author_email = NULL, ip_hash = NULL, fingerprint = NULL,
                       matches = '[]'::jsonb, edit_token_hash = NULL, erased_at = ?4, version = version + 1
                 WHERE lower(author_email) = ?1
                RETURNING id, status
                """, Tuple.class)
                .setParameter(1, address)
                .setParameter(2, TOMBSTONE)
                .setParameter(3, ERASED_NAME)
                .setParameter(4, Times.now(clock)),
                row -> new Erased(row.count("id"), ModerationStatus.valueOf(row.string("status"))));
    }

    /**
     * Locks the comments of an email or an address hash (either may be null) that are not rejected, and
     * the comments they reply to, newest first, as the counters' trigger locks a reply before its parent:
     * changing many comments at once (a ban) cannot deadlock with a decision or a reply on the same
     * threads. Returns them, read again once locked, newest first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Comment> lockNotRejectedBy(String email, String ipHash) {
        // No stored email or address hash is empty: "" stands for unknown.
        String address = email == null ? "" : email;
        String hash = ipHash == null ? "" : ipHash;
        entityManager.createNativeQuery("""
                SELECT id FROM comment
                 WHERE id IN (SELECT id FROM comment WHERE (lower(author_email) = ?1 OR ip_hash = ?2) AND status <> 'REJECTED')
                    OR id IN (SELECT parent_id FROM comment WHERE (lower(author_email) = ?1 OR ip_hash = ?2)
                                AND status <> 'REJECTED' AND parent_id IS NOT NULL)
                 ORDER BY id DESC FOR UPDATE
                """)
                .setParameter(1, address)
                .setParameter(2, hash)
                .getResultList();
        return entityManager.createQuery("SELECT c FROM Comment c WHERE (lower(c.authorEmail) = :email OR c.ipHash = :ipHash)"
                + " AND c.status <> :rejected ORDER BY c.id DESC", Comment.class)
                .setParameter("email", address)
                .setParameter("ipHash", hash)
                .setParameter("rejected", ModerationStatus.REJECTED)
                .getResultList();
    }

    private static void addMatches(Comment comment, List<Match> added) {
        if (!added.isEmpty()) {
            List<Match> matches = new ArrayList<>(comment.matches);
            matches.addAll(added);
            comment.matches = matches;
        }
    }
}
