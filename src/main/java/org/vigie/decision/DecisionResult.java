package org.vigie.decision;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;

/** The comment's status after a decision, its new version, and who decided. */
@Schema(name = "DecisionResult")
public record DecisionResult(long commentId, ModerationStatus previousStatus, ModerationStatus status, int version,
        String decidedBy, Instant decidedAt) {
}
