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
import org.vigie.rules.Reason;

/** The moderation queue and moderators' decisions. */
@ApplicationScoped
public class ModerationService {

    static final String QUEUE_ORDER = "queue";
    static final String MODERATOR_DECISION = "moderator.decision";

    @Inject
    EntityManager entityManager;

    /** Comments with this status, oldest first, optionally of one article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage queue(ModerationStatus status, String articleKey, int limit, String cursorToken) {
        Cursor after = Cursor.decode(cursorToken, QUEUE_ORDER);
        String filter = " WHERE c.status = :status" + (articleKey == null ? "" : " AND a.key = :articleKey");
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
        List<QueueItem> items = rows.stream().map(row -> {
            Comment c = (Comment) row[0];
            return new QueueItem(c.id, (String) row[1], c.parentId, c.inReplyTo, c.authorName, c.authorEmail, c.body,
                    c.status, c.reasons, c.createdAt);
        }).toList();
        return new QueuePage(count.getSingleResult(), items, nextCursor);
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
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Decision decision = new Decision();
        decision.commentId = comment.id;
        decision.moderator = moderator;
        decision.action = request.action();
        decision.fromStatus = comment.status;
        decision.toStatus = target;
        decision.reason = request.reason();
        decision.note = request.note();
        decision.createdAt = now;
        decision.persist();

        comment.status = target;
        comment.statusChangedAt = now;
        List<Reason> reasons = new ArrayList<>(comment.reasons);
        reasons.add(new Reason(MODERATOR_DECISION, (request.action() == Decision.Action.APPROVE ? "Approuvé" : "Rejeté")
                + " par " + moderator + (request.reason() == null ? "" : " : " + request.reason())));
        comment.reasons = reasons;
        return new DecisionResult(comment.id, decision.fromStatus, target, moderator, now);
    }
}
