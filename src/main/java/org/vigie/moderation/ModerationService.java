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

    static final String MODERATOR_DECISION = "moderator.decision";

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

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
