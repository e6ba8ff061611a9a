package org.vigie.comment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.http.ReaderMessages;
import org.vigie.rules.ModerationStatus;

/**
 * The answer to a reader who posted or edited. A rejected comment answers PENDING, like a held one, so
 * that a spammer cannot learn which rule caught them. The edit token is in the answer to the post only.
 */
@Schema(name = "PostedComment")
public record PostedComment(
        long id,
        @Schema(enumeration = { "VISIBLE", "PENDING" }) String status,
        @Schema(description = "A thank-you to show the reader, in French or in the language asked") String message,
        @Schema(description = "In the answer to the post only, and never again: send it back to edit the comment"
                + " (PATCH /api/v1/comments/{id}) until editableUntil. Vigie keeps only its hash.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String editToken,
        @Schema(description = "Until when the author may edit the comment") Instant editableUntil) {

    static PostedComment posted(long id, ModerationStatus status, String editToken, Instant editableUntil, String language) {
        return new PostedComment(id, publicStatus(status), message("comment.posted.", status, language), editToken,
                editableUntil);
    }

    static PostedComment edited(long id, ModerationStatus status, Instant editableUntil, String language) {
        return new PostedComment(id, publicStatus(status), message("comment.edited.", status, language), null, editableUntil);
    }

    private static String publicStatus(ModerationStatus status) {
        return status == ModerationStatus.VISIBLE ? "VISIBLE" : "PENDING";
    }

    private static String message(String prefix, ModerationStatus status, String language) {
        return ReaderMessages.get(prefix + (status == ModerationStatus.VISIBLE ? "visible" : "pending"), language);
    }

    @Override
    public String toString() {
        // Records print every field; the edit token must never reach a log line through toString.
        return "PostedComment[id=" + id + ", status=" + status + "]";
    }
}
