package org.vigie.author;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as moderators see them. */
@Schema(name = "AuthorProfile")
public record AuthorProfile(
        String email,
        @Schema(description = "Their visible comments") long approved,
        long rejected,
        long pending,
        @Schema(description = "Every comment of theirs waits for a moderator") boolean premoderated,
        @Schema(description = "An active ban on their email") boolean banned,
        @Schema(description = "Bans on their email, newest first, lifted and expired ones included") List<BanView> bans) {
}
