package org.vigie.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.article.ArticleKey;
import org.vigie.http.EmailAddress;

/** A comment to try the rules on, storing nothing; with {@code rules}, a proposed rule set to try instead. */
@Schema(name = "DryRunRequest")
public record DryRunRequest(
        @Schema(required = true) @NotNull @Size(max = 20_000) String body,
        @Size(max = 200) String authorName,
        @Schema(description = "To evaluate with this author's record") @EmailAddress String authorEmail,
        @Schema(description = "To evaluate with this article's settings and history") @ArticleKey String articleKey,
        @Schema(description = "A proposed rule set (YAML or JSON text) to evaluate instead of the one in force")
        @Size(max = 1_000_000) String rules) {

    @Override
    public String toString() {
        return "DryRunRequest[articleKey=" + articleKey + "]";
    }
}
