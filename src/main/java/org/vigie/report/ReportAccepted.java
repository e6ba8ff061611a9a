package org.vigie.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a reader who reported: a thank-you, whatever happens next. */
@Schema(name = "ReportAccepted")
public record ReportAccepted(@Schema(description = "A thank-you to show the reader") String message) {

    static ReportAccepted in(String language) {
        return new ReportAccepted("en".equals(language)
                ? "Thank you for your report. A moderator will look at this comment."
                : "Merci pour votre signalement. Un modérateur va examiner ce commentaire.");
    }
}
