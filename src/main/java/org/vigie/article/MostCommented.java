package org.vigie.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of "Sujets les + commentés". */
@Schema(name = "MostCommented")
public record MostCommented(
        String articleKey,
        @Schema(description = "The article's title, once given", nullable = true) String title,
        @Schema(description = "The article's address, once given", nullable = true) String url,
        @Schema(description = "Visible comments and replies created in the window") long count) {
}
