package org.vigie.queue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.audit.HistoryEntry;

/** One comment in full, for moderators: the queue item, every report and every status change. */
@Schema(name = "ModeratedComment")
public record ModeratedComment(
        @JsonUnwrapped QueueItem comment,
        @Schema(description = "The author's full address hash, to ban the address", nullable = true) String ipHash,
        @Schema(description = "Every report, oldest first") List<ReportView> reportList,
        @Schema(description = "Every status change, oldest first: by a rule or by a moderator") List<HistoryEntry> history) {

    /** One report. */
    @Schema(name = "ReportView")
    public record ReportView(String reason, @Schema(nullable = true) String details, Instant createdAt,
            @Schema(description = "The start of the reporter's hash ('id:' for a frontend id, 'ip:' for an address)")
            String reporter) {
    }
}
