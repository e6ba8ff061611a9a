package org.vigie.decision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;

/** What became of each comment of a bulk decision. */
@Schema(name = "BulkDecisionResult")
public record BulkDecisionResult(int ok, int conflicts, int notFound, List<Outcome> results) {

    /** One comment's outcome: ok (with its new status and version), conflict (stale version) or not_found. */
    @Schema(name = "BulkDecisionOutcome")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(long id, @Schema(enumeration = { "ok", "conflict", "not_found", "error" }) String outcome,
            ModerationStatus status, Integer version, String detail) {
    }

    static BulkDecisionResult of(List<Outcome> results) {
        return new BulkDecisionResult(count(results, "ok"), count(results, "conflict"), count(results, "not_found"), results);
    }

    private static int count(List<Outcome> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
