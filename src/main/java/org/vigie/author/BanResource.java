package org.vigie.author;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.account.Roles;
import org.vigie.http.Created;
import org.vigie.http.RequiredBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moderators ban spammers and trolls, for good or for a while. */
@Path("/api/v1/moderation/bans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class BanResource {

    @Inject
    BanService bans;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "banAuthor", summary = "Ban an author",
            description = "By email, by address hash, or both. A banned author's new comments are rejected (the public"
                    + " answer still says PENDING). With until, a suspension that ends by itself. With rejectExisting,"
                    + " their visible and pending comments are rejected too, each change in the audit trail.")
    @APIResponse(responseCode = "201", description = "The ban, and how many comments it rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<BanView> ban(@Valid @RequiredBody NewBan payload, SecurityContext security) {
        BanView ban = bans.ban(payload, security.getUserPrincipal().getName());
        return Created.at("/api/v1/moderation/bans/" + ban.id(), ban);
    }

    @GET
    @Operation(operationId = "listBans", summary = "List bans", description = "Those in force, newest first; with all=true, lifted and expired ones too.")
    @APIResponse(responseCode = "200", description = "The bans")
    public List<BanView> list(@Parameter(description = "Include lifted and expired bans") @RestQuery boolean all) {
        return bans.list(!all);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "liftBan", summary = "Lift a ban")
    @APIResponse(responseCode = "204", description = "Lifted (or it already was)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void lift(@RestPath long id, SecurityContext security) {
        bans.lift(id, security.getUserPrincipal().getName());
    }
}
