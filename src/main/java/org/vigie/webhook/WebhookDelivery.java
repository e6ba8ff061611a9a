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
        @Schema(description = "HTTP status of the last answer; null when there was none", nullable = true) Integer lastStatus,
        @Schema(description = "Why the last attempt failed, in a few words", nullable = true) String lastError,
        @Schema(description = "When it is tried next, while PENDING", nullable = true) Instant nextAttemptAt,
        @Schema(description = "When an endpoint took it", nullable = true) Instant deliveredAt,
        Instant createdAt) {

    /** A page of the log, newest first. */
    @Schema(name = "WebhookDeliveryPage")
    public record Page(java.util.List<WebhookDelivery> items,
            @Schema(description = "Pass as cursor for the next page; null on the last", nullable = true) String nextCursor) {
    }
}
