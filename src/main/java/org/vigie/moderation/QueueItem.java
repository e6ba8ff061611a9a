package org.vigie.moderation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Match;

/** A comment as moderators see it: with the author's email and what the rules found. */
@Schema(name = "QueueItem")
public record QueueItem(
        long id,
        String articleKey,
        @Schema(nullable = true) Long parentId,
        @Schema(nullable = true) Long inReplyTo,
        String authorName,
        String authorEmail,
        String body,
        ModerationStatus status,
        @Schema(description = "Visible, but waiting for review (a rule or reports flagged it)") boolean flagged,
        @Schema(description = "Every rule that matched, with its evidence, and moderators' decisions") List<Match> matches,
        @Schema(description = "The rule set version that decided the status when posted") Integer ruleSetVersion,
        Instant createdAt) {
}
