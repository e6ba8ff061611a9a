package org.vigie.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How moderation went over the last days. */
@Schema(name = "ModerationStats")
public record ModerationStats(
        int days,
        Instant since,
        @Schema(description = "Comments posted in the window, by their status now") Map<String, Long> comments,
        @Schema(description = "From posting to a moderator's first decision, for decisions made in the window")
        TimeToDecision timeToDecision,
        @Schema(description = "Decisions per moderator and action") Map<String, Map<String, Long>> decisionsByModerator,
        @Schema(description = "Rule matches on comments posted in the window, most frequent first") List<RuleHits> ruleHits,
        @Schema(description = "Reports made in the window, per reason") Map<String, Long> reportsByReason) {

    /** Median and 90th percentile, in seconds; null when no decision was made. */
    @Schema(name = "TimeToDecision")
    public record TimeToDecision(long decisions, @Schema(nullable = true) Double medianSeconds,
            @Schema(nullable = true) Double p90Seconds) {
    }

    /** How often a rule matched, how often it decided, and how often it matched in shadow mode. */
    @Schema(name = "RuleHits")
    public record RuleHits(String ruleId, long hits, long decisive, long shadow) {
    }
}
