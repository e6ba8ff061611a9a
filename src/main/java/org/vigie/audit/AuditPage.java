package org.vigie.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit trail, newest first. */
@Schema(name = "AuditPage")
public record AuditPage(List<Item> items, @Schema(nullable = true) String nextCursor) {

    /** One status change. */
    @Schema(name = "AuditItem")
    public record Item(long id, @Schema(nullable = true) Long commentId, HistoryEntry change) {
    }
}
