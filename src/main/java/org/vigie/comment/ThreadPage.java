package org.vigie.comment;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an article's comment thread. */
@Schema(name = "ThreadPage")
public record ThreadPage(
        String articleKey,
        @Schema(description = "Visible comments and replies of the article (Commentaires 45)") int total,
        List<CommentView> items,
        @Schema(description = "Pass as cursor to read the next page; null on the last page", nullable = true)
        String nextCursor) {
}
