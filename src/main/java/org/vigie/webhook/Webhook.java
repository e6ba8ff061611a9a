package org.vigie.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as admins read it: never its secret, but in the answer to its creation. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(
        long id,
        String url,
        @Schema(nullable = true) String description,
        List<String> events,
        boolean enabled,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The signing secret: in the answer to the creation only, never again")
        String secret) {

    Webhook withSecret(String secret) {
        return new Webhook(id, url, description, events, enabled, createdBy, createdAt, updatedAt, secret);
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", events=" + events + ", enabled=" + enabled + "]";
    }
}
