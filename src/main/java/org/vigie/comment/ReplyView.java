package org.vigie.comment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A visible reply as readers see it. */
@Schema(name = "Reply")
public record ReplyView(
        long id,
        String authorName,
        String body,
        String excerpt,
        Instant createdAt,
        @Schema(description = "The reply this one answers; absent when it answers the comment itself")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long inReplyTo) {
}
