package org.vigie.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an item got its status: the rule that decided and what it saw, in words a moderator reads. */
@Schema(description = "A rule that contributed to the status, and its explanation")
public record Reason(
        @Schema(description = "Identifier of the rule", examples = "article.premoderated") String ruleId,
        @Schema(description = "What the rule saw, for moderators") String explanation) {
}
