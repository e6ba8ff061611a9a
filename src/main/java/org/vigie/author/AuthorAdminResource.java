package org.vigie.author;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.vigie.platform.Emails;

/** Admins answer authors' requests for access and erasure (GDPR articles 15 and 17). */
@Path("/api/v1/admin/authors/{email}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class AuthorAdminResource {

    /** What an erasure did. */
    @Schema(name = "Erasure")
    public record Erasure(String email, int erasedComments) {
    }

    @Inject
    AuthorErasure erasure;

    @GET
    @Path("/export")
    @Operation(operationId = "exportAuthor", summary = "Export everything stored about an email", description = "Its comments, settings and bans.")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AuthorExport export(@RestPath @EmailAddress String email) {
        return erasure.export(email);
    }

    @DELETE
    @Operation(operationId = "eraseAuthor", summary = "Erase an email",
            description = "Its comments become \"[commentaire supprimé]\" tombstones in threads, without name, email or"
                    + " address hash; the audit trail keeps only ids; bans and settings on the email are removed.")
    @APIResponse(responseCode = "200", description = "How many comments were erased")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Erasure erase(@RestPath @EmailAddress String email,
            SecurityContext security) {
        return new Erasure(Emails.normalize(email), erasure.erase(email, security.getUserPrincipal().getName()));
    }
}
