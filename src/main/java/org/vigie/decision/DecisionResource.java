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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.vigie.account.Roles;
import org.vigie.http.RequiredBody;

/** A moderator's decision on one comment. */
@Path("/api/v1/moderation/comments/{id}/decision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideComment", summary = "Approve or reject a comment",
            description = "APPROVE makes it visible, and reports alone no longer hide it; REJECT hides it, with its"
                    + " replies if it is a top-level comment. The decision names the version it was made on (body or"
                    + " If-Match): if the comment changed since, it is refused with 409. Kept in the audit trail.")
    @APIResponse(responseCode = "200", description = "The comment's new status and version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DecisionResult decide(@RestPath long id, @Valid @RequiredBody DecisionRequest payload,
            @Parameter(description = "The comment's version, as \"3\" or 3, instead of version in the body")
            @RestHeader("If-Match") String ifMatch, SecurityContext security) {
        return decisions.decide(id, payload, IfMatch.version(ifMatch), security.getUserPrincipal().getName());
    }
}
