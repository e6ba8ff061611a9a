package org.vigie.article;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's moderation settings, as moderators read them. */
@Schema(name = "ArticleSettings")
public record ArticleSettings(
        String articleKey,
        @Schema(description = "The article's title, once a moderator or the site gave it", nullable = true) String title,
        @Schema(description = "The article's address, once given", nullable = true) String url,
        @Schema(description = "Whether the article takes new comments") boolean open,
        @Schema(description = "Whether every new comment waits for a moderator") boolean premoderated,
        @Schema(description = "Visible comments and replies") int commentCount,
        Instant createdAt,
        Instant updatedAt) {

    static ArticleSettings of(Article article) {
        return new ArticleSettings(article.key, article.title, article.url, article.open, article.premoderated,
                article.visibleCount, article.createdAt, article.updatedAt);
    }
}
