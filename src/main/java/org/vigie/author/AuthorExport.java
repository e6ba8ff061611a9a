package org.vigie.author;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.audit.HistoryEntry;
import org.vigie.comment.EarlierVersion;

/** Everything Vigie stores about an email: the answer to a request for access. */
@Schema(name = "AuthorExport")
public record AuthorExport(
        String email,
        Instant exportedAt,
        @Schema(description = "Every comment and reply posted with this email") List<ExportedComment> comments,
        @Schema(description = "Whether moderators hold every comment of theirs") boolean premoderated,
        List<BanView> bans) {

    /** One comment, with what is stored about it. */
    @Schema(name = "ExportedComment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedComment(long id, String articleKey, Long parentId, Long inReplyTo, String authorName,
            String body, String status, Instant createdAt,
            @Schema(description = "The keyed hash that stands for the address it was sent from") String ipHash,
            @Schema(description = "What the rules found in it, and moderators' decisions") List<org.vigie.rules.Match> matches,
            @Schema(description = "Reports on it: reason, details, time") List<ReportedAs> reports,
            @Schema(description = "Every change of its status, with moderators' reasons and notes")
            List<HistoryEntry> history,
            @Schema(description = "The texts the author replaced by editing it, oldest first")
            List<EarlierVersion> versions) {
    }

    /** A report on one of the author's comments. */
    @Schema(name = "ExportedReport")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportedAs(String reason, String details, Instant createdAt) {
    }
}
