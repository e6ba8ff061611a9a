package org.vigie.comment;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's new text for their comment, with the edit token the answer to the post gave them. */
@Schema(name = "CommentEdit")
public record CommentEdit(
        @Schema(description = "The editToken of the answer to the post", required = true)
        String editToken,

        @Schema(description = "The new text, stored and returned exactly as sent; validated as a new comment's", required = true)
        @NotBlank @TextLength(TextLength.Limit.BODY)
        String body) {

    @Override
    public String toString() {
        // Records print every field; the edit token must never reach a log line through toString.
        return "CommentEdit[]";
    }
}
