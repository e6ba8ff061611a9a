package org.vigie.moderation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;

/** What the rules would decide for a comment: nothing was stored. */
@Schema(name = "DryRunResult")
public record DryRunResult(
        ModerationStatus status,
        @Schema(description = "Whether the comment would enter the review queue while visible") boolean flagged,
        List<Match> matches,
        @Schema(description = "The version evaluated; null for a proposed rule set", nullable = true) Integer ruleSetVersion) {
}
