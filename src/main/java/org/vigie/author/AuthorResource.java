package org.vigie.author;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.vigie.account.Roles;
import org.vigie.http.EmailAddress;
import org.vigie.http.RequiredBody;

/** Moderators look at an author and hold all their comments if need be. */
@Path("/api/v1/moderation/authors/{email}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class AuthorResource {

    /** Whether every comment of an author waits for a moderator. */
    @Schema(name = "Premoderation")
    public record Premoderation(@Schema(required = true) @NotNull Boolean enabled) {
    }

    @Inject
    AuthorService authors;

    @GET
    @Operation(operationId = "getAuthor", summary = "Read what is known of an author", description = "Their record, premoderation and bans.")
    @APIResponse(responseCode = "200", description = "The author")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AuthorProfile profile(@RestPath @EmailAddress String email) {
        return authors.profile(email);
    }

    @PUT
    @Path("/premoderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAuthorPremoderation", summary = "Hold every comment of an author for a moderator, or stop")
    @APIResponse(responseCode = "200", description = "The author, with the new setting")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AuthorProfile premoderate(@RestPath @EmailAddress String email,
            @Valid @RequiredBody Premoderation payload, SecurityContext security) {
        return authors.setPremoderation(email, payload.enabled(), security.getUserPrincipal().getName());
    }
}
