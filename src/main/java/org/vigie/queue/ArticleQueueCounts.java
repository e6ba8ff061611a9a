package org.vigie.queue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What waits for moderators on one article. */
@Schema(name = "ArticleQueueCounts")
public record ArticleQueueCounts(String articleKey, @Schema(nullable = true) String title, long pending, long reported,
        long flagged) {
}
