package org.vigie.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one endpoint, as the delivery log shows it. */
@Schema(name = "WebhookDelivery")
public record WebhookDelivery(
        long id,
        @Schema(description = "The event's id, sent as webhook-id: the same on every attempt") long eventId,
        @Schema(examples = "comment.created") String type,
        @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" }) String status,
        int attempts,
        @Schema(description = "HTTP status of the last answer; absent when there was none") Integer lastStatus,
        @Schema(description = "Why the last attempt failed, in a few words") String lastError,
        @Schema(description = "When it is tried next, while PENDING") Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {

    /** A page of the log, newest first. */
    @Schema(name = "WebhookDeliveryPage")
    public record Page(java.util.List<WebhookDelivery> items,
            @Schema(description = "Pass as cursor for the next page; absent on the last") String nextCursor) {
    }
}
