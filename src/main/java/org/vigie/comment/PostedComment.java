package org.vigie.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        boolean english = "en".equals(language);
        String message;
        if (visible) {
            message = english ? "Thank you for your comment." : "Merci pour votre commentaire.";
        } else {
            message = english
                    ? "Thank you for your comment. It will appear once a moderator has approved it."
                    : "Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.";
        }
        return new PostedComment(id, visible ? "VISIBLE" : "PENDING", message);
    }
}
