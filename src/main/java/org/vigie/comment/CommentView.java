package org.vigie.comment;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A visible top-level comment as readers see it, with its visible replies, oldest first. */
@Schema(name = "Comment")
public record CommentView(
        long id,
        String authorName,
        String body,
        @Schema(description = "The first ~250 characters, cut at a word and ended with …; the whole body when short")
        String excerpt,
        Instant createdAt,
        @Schema(description = "Visible replies under this comment") int replyCount,
        List<ReplyView> replies) {
}
