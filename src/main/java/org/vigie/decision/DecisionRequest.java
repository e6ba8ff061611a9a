package org.vigie.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator's decision on one comment, made on the version they saw. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @Schema(required = true, description = "APPROVE makes the comment visible (and keeps it so against reports);"
                + " REJECT hides it, with its replies if it is a top-level comment")
        @NotNull DecisionAction action,
        @Schema(description = "The version of the comment the decision was made on (from the queue); or send If-Match."
                + " A decision on an older version is refused with 409")
        @PositiveOrZero Integer version,
        @Schema(description = "Why (kept in the audit trail, counted in the stats)") DecisionReason reason,
        @Schema(description = "Note for other moderators") @Size(max = 2000) String note) {
}
