package org.vigie.moderation;

import java.time.Instant;
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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ModerationService.class);

    public static final String MODERATOR_DECISION = "moderator.decision";

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    /**
     * Applies a decision made on {@code version} of the comment, under a row lock: if anything changed the
     * comment since (another moderator, a report), the decision is refused rather than silently applied.
     */
    @Transactional
    public DecisionResult decide(long commentId, DecisionRequest request, Integer ifMatch, String moderator) {
        Integer version = request.version() != null ? request.version() : ifMatch;
        if (version == null) {
            throw new VersionRequired();
        }
        Comment comment = entityManager.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null) {
            throw new CommentNotFound(commentId);
        }
        if (comment.version != version) {
            throw new StaleVersion(commentId, version, comment.version);
        }
        ModerationStatus target = request.action().result;
        ModerationStatus from = comment.status;
        String reason = request.reason() == null ? null : request.reason().name();
        AuditEntry entry = audit.byModerator(comment.id, moderator, request.action().name(), from, target, reason,
                request.note());
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
                (approve ? "Approuvé" : "Rejeté") + " par " + moderator + (reason == null ? "" : " : " + reason), null,
                true));
        comment.matches = matches;
        entityManager.flush();
        return new DecisionResult(comment.id, from, target, comment.version, moderator, now);
    }

    /** One item of a bulk decision, and what became of it. */
    public record BulkOutcome(long id, String outcome, ModerationStatus status, Integer version, String detail) {
    }

    /** Applies a decision to many comments, each on its own: a conflict on one does not stop the others. */
    public List<BulkOutcome> decideAll(BulkDecisionRequest request, String moderator) {
        List<BulkOutcome> outcomes = new ArrayList<>(request.items().size());
        for (BulkDecisionRequest.Item item : request.items()) {
            DecisionRequest single = new DecisionRequest(request.action(), item.version(), request.reason(), request.note());
            try {
                DecisionResult result = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> decide(item.id(), single, null, moderator));
                outcomes.add(new BulkOutcome(item.id(), "ok", result.status(), result.version(), null));
            } catch (StaleVersion e) {
                outcomes.add(new BulkOutcome(item.id(), "conflict", null, null, e.getMessage()));
            } catch (CommentNotFound e) {
                outcomes.add(new BulkOutcome(item.id(), "not_found", null, null, e.getMessage()));
            } catch (RuntimeException e) {
                // One item failing (a lock that could not be had, say) must not hide the others' results.
                LOG.warnf("Bulk decision on comment %d failed: %s", item.id(), e.getClass().getSimpleName());
                outcomes.add(new BulkOutcome(item.id(), "error", null, null, "Could not decide; try this one again."));
            }
        }
        return outcomes;
    }
}
