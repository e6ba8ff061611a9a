package org.vigie.comment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One visible comment or reply, on its own (a permalink). */
@Schema(name = "CommentDetail")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentDetail(
        long id,
        String articleKey,
        @Schema(description = "The top-level comment this reply sits under; absent for a top-level comment")
        Long parentId,
        @Schema(description = "The reply this one answers, if any") Long inReplyTo,
        String authorName,
        String body,
        String excerpt,
        Instant createdAt,
        @Schema(description = "Visible replies (top-level comments only)") int replyCount) {
}
