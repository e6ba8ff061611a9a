package org.vigie.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.http.ReaderMessages;
import org.vigie.rules.ModerationStatus;

/**
 * The answer to a reader who posted. A rejected comment answers PENDING, like a held one, so that a
 * spammer cannot learn which rule caught them.
 */
@Schema(name = "PostedComment")
public record PostedComment(
        long id,
        @Schema(enumeration = { "VISIBLE", "PENDING" }) String status,
        @Schema(description = "A thank-you to show the reader, in French or in the language asked") String message) {

    static PostedComment of(long id, ModerationStatus status, String language) {
        boolean visible = status == ModerationStatus.VISIBLE;
        return new PostedComment(id, visible ? "VISIBLE" : "PENDING",
                ReaderMessages.get(visible ? "comment.posted.visible" : "comment.posted.pending", language));
    }
}
