package org.vigie.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.http.ReaderMessages;

/** The answer to a reader who reported: a thank-you, whatever happens next. */
@Schema(name = "ReportAccepted")
public record ReportAccepted(@Schema(description = "A thank-you to show the reader") String message) {

    static ReportAccepted in(String language) {
        return new ReportAccepted(ReaderMessages.get("report.accepted", language));
    }
}
