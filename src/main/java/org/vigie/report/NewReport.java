package org.vigie.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ReportReason;

/** A reader's report ("Signaler"). */
@Schema(name = "NewReport")
public record NewReport(
        @Schema(required = true) @NotNull ReportReason reason,
        @Schema(description = "What is wrong, in the reader's words") @Size(max = 500) String details,
        @Schema(description = "The frontend's id of the reader (a cookie, say); without it, the reader's address"
                + " identifies them. Stored only as a keyed hash.")
        @Size(max = 200) String reporterId) {

    @Override
    public String toString() {
        return "NewReport[reason=" + reason + "]";
    }
}
