package org.vigie.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.moderation.AuthorRecord;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;

/** A comment as moderators see it: with the author's email and record, the rules' matches and the reports. */
@Schema(name = "QueueItem")
public record QueueItem(
        long id,
        String articleKey,
        @Schema(nullable = true) String articleTitle,
        @Schema(nullable = true) Long parentId,
        @Schema(nullable = true) Long inReplyTo,
        String authorName,
        @Schema(description = "None once the author's data was erased", nullable = true) String authorEmail,
        @Schema(description = "The first characters of the author's address hash, to spot one source; none once erased",
                nullable = true) String ipHashPrefix,
        String body,
        ModerationStatus status,
        @Schema(description = "Visible, but waiting for review (a rule or reports flagged it)") boolean flagged,
        @Schema(description = "Every rule that matched, with its evidence, and moderators' decisions") List<Match> matches,
        @Schema(description = "The rule set version that decided the status when posted; none for comments stored"
                + " without the rules (imported)", nullable = true) Integer ruleSetVersion,
        Reports reports,
        @Schema(description = "The author's record; none once the author's data was erased", nullable = true)
        AuthorRecord authorHistory,
        Instant createdAt,
        @Schema(description = "Send it back with a decision: a decision on an older version is refused with 409")
        int version) {

    /** Reports on the comment. */
    @Schema(name = "QueueItemReports")
    public record Reports(
            @Schema(description = "Distinct reporters") int count,
            @Schema(description = "Reporters per reason") Map<String, Integer> reasons,
            @Schema(nullable = true) Instant lastAt,
            @Schema(description = "A moderator approved the comment before these reports") boolean previouslyApproved) {
    }
}
