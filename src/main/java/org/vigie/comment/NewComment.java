package org.vigie.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.http.EmailAddress;

/** A comment or reply as a reader submits it. Every field but parentId is required. */
@Schema(name = "NewComment")
public record NewComment(
        @Schema(description = "Name shown with the comment", examples = "Jeanne D.", required = true)
        @NotBlank @TextLength(TextLength.Limit.AUTHOR_NAME)
        @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*", message = "{org.vigie.SingleLine.message}")
        String authorName,

        @Schema(description = "Never shown publicly; for moderators only", examples = "jeanne@example.org", required = true)
        @NotBlank @EmailAddress
        String authorEmail,

        @Schema(description = "Text of the comment, stored and returned exactly as sent", required = true)
        @NotBlank @TextLength(TextLength.Limit.BODY)
        String body,

        @Schema(description = "Id of the comment or reply this one answers")
        @Positive
        Long parentId) {

    @Override
    public String toString() {
        // Records print every field; an email must never reach a log line through toString.
        return "NewComment[parentId=" + parentId + "]";
    }
}
