package org.vigie.author;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ban as moderators see it. */
@Schema(name = "Ban")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BanView(
        long id,
        String email,
        String ipHash,
        String reason,
        @Schema(description = "When a suspension ends; absent for a ban until lifted") Instant until,
        String createdBy,
        Instant createdAt,
        String liftedBy,
        Instant liftedAt,
        @Schema(description = "In force now: not lifted, not expired") boolean active,
        @Schema(description = "Comments rejected when the ban was made (rejectExisting)") Integer rejected) {

    static BanView of(Ban ban, Integer rejected, Instant now) {
        return new BanView(ban.id, ban.email, ban.ipHash, ban.reason, ban.until, ban.createdBy, ban.createdAt, ban.liftedBy,
                ban.liftedAt, ban.activeAt(now), rejected);
    }
}
