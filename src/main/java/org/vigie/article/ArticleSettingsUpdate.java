package org.vigie.article;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to an article's settings; absent fields keep their value. */
@Schema(name = "ArticleSettingsUpdate")
public record ArticleSettingsUpdate(
        @Size(max = 300) String title,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "{org.vigie.Url.message}") String url,
        @Schema(description = "false closes the article to new comments") Boolean open,
        @Schema(description = "true holds every new comment for a moderator") Boolean premoderated) {
}
