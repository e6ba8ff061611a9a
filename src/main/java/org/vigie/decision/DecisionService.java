package org.vigie.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.vigie.comment.Comment;
import org.vigie.comment.CommentModeration;
import org.vigie.comment.CommentNotFound;
import org.vigie.comment.StatusChange;
import org.vigie.rules.ModerationStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Moderators' decisions, one at a time or in bulk, each on the version of the comment they saw. */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    CommentModeration comments;

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
        boolean approve = request.action() == DecisionAction.APPROVE;
        Instant at = comments.change(comment, StatusChange.byModerator(target, moderator, request.action().name(), reason,
                request.note(), (approve ? "Approuvé" : "Rejeté") + " par " + moderator + (reason == null ? "" : " : " + reason)));
        // The version moves when the change is written: written now, so the answer can give it.
        entityManager.flush();
        return new DecisionResult(comment.id, from, target, comment.version, moderator, at);
    }

    /** Applies a decision to many comments, each on its own: a conflict on one does not stop the others. */
    public List<BulkDecisionResult.Outcome> decideAll(BulkDecisionRequest request, String moderator) {
        List<BulkDecisionResult.Outcome> outcomes = new ArrayList<>(request.items().size());
        for (BulkDecisionRequest.Item item : request.items()) {
            DecisionRequest single = new DecisionRequest(request.action(), item.version(), request.reason(), request.note());
            try {
                DecisionResult result = QuarkusTransaction.requiringNew()
                        .call(() -> decide(item.id(), single, null, moderator));
                outcomes.add(new BulkDecisionResult.Outcome(item.id(), "ok", result.status(), result.version(), null));
            } catch (StaleVersion e) {
                outcomes.add(new BulkDecisionResult.Outcome(item.id(), "conflict", null, null, e.getMessage()));
            } catch (CommentNotFound e) {
                outcomes.add(new BulkDecisionResult.Outcome(item.id(), "not_found", null, null, e.getMessage()));
            } catch (RuntimeException e) {
                // One item failing (a lock that could not be had, say) must not hide the others' results.
                LOG.warnf("Bulk decision on comment %d failed: %s", item.id(), e.getClass().getSimpleName());
                outcomes.add(new BulkDecisionResult.Outcome(item.id(), "error", null, null, "Could not decide; try this one again."));
            }
        }
        return outcomes;
    }
}
