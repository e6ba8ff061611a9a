package org.vigie.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator's decision on one comment. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @Schema(required = true, description = "APPROVE makes the comment visible; REJECT hides it")
        @NotNull DecisionAction action,
        @Schema(description = "Why, in a few words (kept in the audit trail)") @Size(max = 500) String reason,
        @Schema(description = "Note for other moderators") @Size(max = 2000) String note) {
}
