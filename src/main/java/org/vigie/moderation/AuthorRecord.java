package org.vigie.moderation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's comments so far, by email: approved (visible), rejected and pending. */
@Schema(name = "AuthorHistory")
public record AuthorRecord(long approved, long rejected, long pending) {
}
