package org.vigie.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule that matched an item, and why: recorded whether or not it decided the status, shadow rules
 * included.
 *
 * @param ruleId the rule's id
 * @param action what the rule does
 * @param mode enforce, or shadow (recorded only)
 * @param explanation the rule's explanation, filled in with the evidence
 * @param evidence what it saw, when it saw something in particular
 * @param decisive whether this match decided the status
 */
@Schema(name = "Match", description = "A rule that matched, with its explanation and evidence")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Match(
        String ruleId,
        @Schema(enumeration = { "approve", "hold", "reject", "flag" }) String action,
        @Schema(enumeration = { "enforce", "shadow" }) String mode,
        String explanation,
        Evidence evidence,
        boolean decisive) {

    public static Match of(String ruleId, Action action, Mode mode, String explanation, Evidence evidence,
            boolean decisive) {
        return new Match(ruleId, action.keyword(), mode.keyword(), explanation, evidence, decisive);
    }
}
