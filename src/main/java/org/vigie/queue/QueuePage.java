package org.vigie.queue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a moderation queue, oldest first. */
@Schema(name = "QueuePage")
public record QueuePage(
        @Schema(description = "Items in the queue with this status (and article, if filtered)") long total,
        List<QueueItem> items,
        @Schema(nullable = true) String nextCursor) {
}
