package org.vigie.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;

/** One status change of a comment, as the audit trail keeps it. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(AuditEntry.ActorKind by, String actor, @Schema(nullable = true) Integer ruleSetVersion,
        @Schema(description = "For an author's edit (by AUTHOR): the rule that decided the new text's status", nullable = true)
        String rule,
        String action, @Schema(nullable = true) ModerationStatus from, ModerationStatus to,
        @Schema(nullable = true) String reason, @Schema(nullable = true) String note, Instant at) {

    static HistoryEntry of(AuditEntry entry) {
        return new HistoryEntry(entry.actorKind, entry.actor, entry.ruleSetVersion, entry.ruleId, entry.action,
                entry.fromStatus, entry.toStatus, entry.reason, entry.note, entry.createdAt);
    }
}
