package org.vigie.comment;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;

/** A text of a comment that its author replaced by editing it, as moderators see it. */
@Schema(name = "EarlierVersion")
public record EarlierVersion(
        @Schema(description = "1 for the text as posted, then one more for each edit") int number,
        String body,
        @Schema(description = "The status the rules gave this text") ModerationStatus status,
        @Schema(description = "What the rules found in this text") List<Match> matches,
        @Schema(nullable = true) Integer ruleSetVersion,
        @Schema(description = "When this text was posted, or written by an edit") Instant writtenAt,
        @Schema(description = "When the next edit replaced it") Instant replacedAt) {

    static EarlierVersion of(CommentVersion version) {
        return new EarlierVersion(version.number, version.body, version.status, version.matches, version.ruleSetVersion,
                version.writtenAt, version.replacedAt);
    }
}
