package org.vigie.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Roles;
import org.vigie.http.RequiredBody;

/** One decision on many comments. */
@Path("/api/v1/moderation/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class BulkDecisionResource {

    @Inject
    DecisionService decisions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideComments", summary = "Approve or reject up to 200 comments at once",
            description = "Each comment is decided on its own, on the version given: each gets its own result, ok,"
                    + " conflict (it changed since) or not_found.")
    @APIResponse(responseCode = "200", description = "One result per comment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public BulkDecisionResult decideAll(@Valid @RequiredBody BulkDecisionRequest payload, SecurityContext security) {
        return BulkDecisionResult.of(decisions.decideAll(payload, security.getUserPrincipal().getName()));
    }
}
