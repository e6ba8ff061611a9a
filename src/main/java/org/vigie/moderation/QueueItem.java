package org.vigie.moderation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Reason;

/** A comment as moderators see it: with the author's email and the reasons for its status. */
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
        List<Reason> reasons,
        Instant createdAt) {
}
