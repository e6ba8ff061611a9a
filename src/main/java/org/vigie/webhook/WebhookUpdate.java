package org.vigie.webhook;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to an endpoint; absent fields keep their value. */
@Schema(name = "WebhookUpdate")
public record WebhookUpdate(
        @Schema(description = "Absolute http or https URL, at most 2000 characters")
        @Size(min = 1, max = 2000) @Pattern(regexp = WebhookEndpoints.URL, message = "{org.vigie.WebhookUrl.message}")
        String url,

        @Schema(description = "The event types to deliver, instead of the ones before")
        @Size(min = 1, max = 20)
        List<@NotNull @Pattern(regexp = WebhookEventType.NAMES, message = "{org.vigie.WebhookEvent.message}") String> events,

        @Size(max = 500)
        String description,

        @Schema(description = "false stops the deliveries; true takes them up again, due ones first")
        Boolean enabled) {

    @Override
    public String toString() {
        return "WebhookUpdate[events=" + events + ", enabled=" + enabled + "]";
    }
}
