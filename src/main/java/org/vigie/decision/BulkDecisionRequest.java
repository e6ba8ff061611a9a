package org.vigie.decision;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One decision for up to 200 comments, each named with the version it was made on. */
@Schema(name = "BulkDecisionRequest")
public record BulkDecisionRequest(
        @Schema(required = true) @NotNull DecisionAction action,
        DecisionReason reason,
        @Size(max = 2000) String note,
        @Schema(required = true) @NotEmpty @Size(max = 200) List<@Valid @NotNull Item> items) {

    /** A comment and the version the decision was made on. */
    @Schema(name = "BulkDecisionItem")
    public record Item(@NotNull Long id, @NotNull @PositiveOrZero Integer version) {
    }
}
