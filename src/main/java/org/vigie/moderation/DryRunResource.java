package org.vigie.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Roles;
import org.vigie.http.RequiredBody;

/** Trying the rules on a comment without posting it: the pipeline, storing nothing. */
@Path("/api/v1/moderation/rules/dry-run")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Rules")
public class DryRunResource {

    @Inject
    RuleSetDryRun dryRun;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "dryRunRules", summary = "Try the rules on a comment, storing nothing",
            description = "Evaluates as if a comment with these fields arrived from an address never seen before, with"
                    + " the rule set in force or, with rules, a proposed one.")
    @APIResponse(responseCode = "200", description = "What the rules would decide, and why")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "InvalidRuleSet")
    public DryRunResult dryRun(@Valid @RequiredBody DryRunRequest payload) {
        return dryRun.run(payload);
    }
}
