package org.vigie.account;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator account as admins see it: never with its password hash. */
@Schema(name = "ModeratorAccount")
public record ModeratorAccount(String username, @Schema(enumeration = { "moderator", "admin" }) String role,
        Instant createdAt) {

    static ModeratorAccount of(Moderator moderator) {
        return new ModeratorAccount(moderator.username, moderator.role, moderator.createdAt);
    }
}
