package org.vigie.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint an admin registers. */
@Schema(name = "NewWebhook")
public record NewWebhook(
        @Schema(description = "Absolute http or https URL, at most 2000 characters", required = true,
                examples = "https://hooks.journal.example/vigie")
        @NotBlank @Size(max = 2000) @Pattern(regexp = WebhookEndpoints.URL, message = "{org.vigie.WebhookUrl.message}")
        String url,

        @Schema(description = "whsec_ and the base64 of a key of 24 bytes or more; generated when left out")
        @Pattern(regexp = WebhookSignature.SECRET, message = "{org.vigie.WebhookSecret.message}")
        String secret,

        @Schema(description = "The event types to deliver", required = true, examples = "[\"comment.created\"]")
        @NotEmpty @Size(max = 20)
        List<@NotNull @Pattern(regexp = WebhookEventType.NAMES, message = "{org.vigie.WebhookEvent.message}") String> events,

        @Size(max = 500)
        String description) {

    @Override
    public String toString() {
        return "NewWebhook[url=…, events=" + events + "]";
    }
}
