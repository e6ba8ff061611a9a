package org.vigie.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.vigie.comment.Comment;
import org.vigie.comment.CommentNotFound;
import org.vigie.platform.Cursor;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Action;
import org.vigie.rules.Match;
import org.vigie.rules.Mode;

/** The moderation queue and moderators' decisions. */
@ApplicationScoped
public class ModerationService {

    static final String QUEUE_ORDER = "queue";
    static final String MODERATOR_DECISION = "moderator.decision";

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    /** The queues moderators work: a status, or the visible comments flagged for review. */
    public enum Queue {
        PENDING,
        VISIBLE,
        REJECTED,
        FLAGGED;

        ModerationStatus status() {
            return this == FLAGGED ? ModerationStatus.VISIBLE : ModerationStatus.valueOf(name());
        }
    }

    /** Comments of a queue, oldest first, optionally of one article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage queue(Queue queue, String articleKey, int limit, String cursorToken) {
        Cursor after = Cursor.decode(cursorToken, QUEUE_ORDER);
        ModerationStatus status = queue.status();
        String filter = " WHERE c.status = :status" + (queue == Queue.FLAGGED ? " AND c.flagged = true" : "")
                + (articleKey == null ? "" : " AND a.key = :articleKey");
        String from = " FROM Comment c JOIN Article a ON a.id = c.articleId";

        TypedQuery<Object[]> page = entityManager.createQuery("SELECT c, a.key" + from + filter
                + (after == null ? "" : " AND (c.createdAt, c.id) > (:at, :id)")
                + " ORDER BY c.createdAt, c.id", Object[].class)
                .setParameter("status", status)
                .setMaxResults(limit + 1);
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(c)" + from + filter, Long.class)
                .setParameter("status", status);
        if (articleKey != null) {
            page.setParameter("articleKey", articleKey);
            count.setParameter("articleKey", articleKey);
        }
        if (after != null) {
            page.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        List<Object[]> rows = page.getResultList();
        String nextCursor = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Comment last = (Comment) rows.get(limit - 1)[0];
            nextCursor = new Cursor(last.createdAt, last.id).encode(QUEUE_ORDER);
        }
        List<QueueItem> items = rows.stream().map(row -> item((Comment) row[0], (String) row[1])).toList();
        return new QueuePage(count.getSingleResult(), items, nextCursor);
    }

    /** One comment as moderators see it, whatever its status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueItem comment(long id) {
        return entityManager.createQuery("SELECT c, a.key FROM Comment c JOIN Article a ON a.id = c.articleId"
                + " WHERE c.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> item((Comment) row[0], (String) row[1]))
                .orElseThrow(() -> new CommentNotFound(id));
    }

    private static QueueItem item(Comment c, String articleKey) {
        return new QueueItem(c.id, articleKey, c.parentId, c.inReplyTo, c.authorName, c.authorEmail, c.body, c.status,
                c.flagged, c.matches, c.ruleSetVersion, c.createdAt);
    }

    /** Applies a decision and records it in the audit trail, under a row lock so two moderators can't race. */
    @Transactional
    public DecisionResult decide(long commentId, DecisionRequest request, String moderator) {
        Comment comment = entityManager.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null) {
            throw new CommentNotFound(commentId);
        }
        ModerationStatus target = request.action().result;
        if (comment.status == target) {
            throw new AlreadyDecided(commentId, target);
        }
        ModerationStatus from = comment.status;
        AuditEntry entry = audit.byModerator(comment.id, moderator, request.action().name(), from, target,
                request.reason(), request.note());
        Instant now = entry.createdAt;

        comment.status = target;
        comment.statusChangedAt = now;
        comment.moderatedAt = now;
        // Reviewed: the flag that asked for a look is answered.
        comment.flagged = false;
        boolean approve = request.action() == DecisionAction.APPROVE;
        comment.approvedByModerator = approve;
        List<Match> matches = new ArrayList<>(comment.matches);
        matches.add(Match.of(MODERATOR_DECISION, approve ? Action.APPROVE : Action.REJECT, Mode.ENFORCE,
                (approve ? "Approuvé" : "Rejeté") + " par " + moderator
                        + (request.reason() == null ? "" : " : " + request.reason()), null, true));
        comment.matches = matches;
        return new DecisionResult(comment.id, from, target, moderator, now);
    }
}
