package org.vigie.account;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.http.Created;
import org.vigie.http.RequiredBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Admins manage moderator accounts. */
@Path("/api/v1/admin/moderators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class ModeratorResource {

    @Inject
    ModeratorService moderators;

    @GET
    @Operation(operationId = "listModerators", summary = "List moderator accounts")
    @APIResponse(responseCode = "200", description = "Accounts, by username")
    public List<ModeratorAccount> list() {
        return moderators.list();
    }

    @GET
    @Path("/{username}")
    @Operation(operationId = "getModerator", summary = "Read one moderator account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ModeratorAccount one(
            @RestPath @Pattern(regexp = NewModerator.USERNAME, message = "{org.vigie.Username.message}") String username) {
        return moderators.find(username).orElseThrow(() -> new ModeratorNotFound(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createModerator", summary = "Create a moderator account")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModeratorAccount.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<ModeratorAccount> create(@Valid @RequiredBody NewModerator payload) {
        ModeratorAccount account = moderators.create(payload);
        return Created.at("/api/v1/admin/moderators/" + account.username(), account);
    }
}
