package org.vigie.queue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.audit.HistoryEntry;
import org.vigie.comment.EarlierVersion;

/**
 * One comment in full, for moderators: the queue item, every report, every status change, and the texts
 * its author replaced by editing it.
 */
@Schema(name = "ModeratedComment")
public record ModeratedComment(
        @JsonUnwrapped QueueItem comment,
        @Schema(description = "The author's full address hash, to ban the address", nullable = true) String ipHash,
        @Schema(description = "Every report, oldest first") List<ReportView> reportList,
        @Schema(description = "Every status change and edit, oldest first: by a rule, a moderator or the author")
        List<HistoryEntry> history,
        @Schema(description = "How many times the author edited the text") int editCount,
        @Schema(description = "When the author last edited the text", nullable = true) Instant editedAt,
        @Schema(description = "The texts the author replaced, oldest first (1 is the text as posted), each with the"
                + " status and matches the rules gave it; the current text is body")
        List<EarlierVersion> versions) {

    /** One report. */
    @Schema(name = "ReportView")
    public record ReportView(String reason, @Schema(nullable = true) String details, Instant createdAt,
            @Schema(description = "The start of the reporter's hash ('id:' for a frontend id, 'ip:' for an address)")
            String reporter) {
    }
}
