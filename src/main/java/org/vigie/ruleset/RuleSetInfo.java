package org.vigie.ruleset;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of the rule set: its number, who made it, and (when asked for) its document. */
@Schema(name = "RuleSetVersion")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetInfo(
        int version,
        @Schema(description = "Number of rules") int rules,
        @Schema(description = "Number of test texts the set passed") int tests,
        String createdBy,
        Instant createdAt,
        @Schema(description = "The version this one restored, if it is a restore") Integer restoredFrom,
        @Schema(description = "Whether this version is in force") boolean current,
        @Schema(description = "The rule set as written (YAML or JSON); absent from lists") String document) {

    static RuleSetInfo of(RuleSetVersion version, boolean current, boolean withDocument) {
        return new RuleSetInfo(version.version, version.rules, version.tests, version.createdBy, version.createdAt,
                version.restoredFrom, current, withDocument ? version.document : null);
    }
}
