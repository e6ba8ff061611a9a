package org.vigie.moderation;

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
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.vigie.article.ArticleKey;
import org.vigie.platform.RequiredBody;
import org.vigie.platform.WholeNumber;

/** The moderator's queue and decisions. */
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class ModerationResource {

    @Inject
    ModerationService moderation;

    @GET
    @Path("/queue")
    @Operation(summary = "List comments by status, oldest first",
            description = "PENDING by default: the comments waiting for a moderator. FLAGGED: visible comments a rule"
                    + " flagged for review. Each item has the author's email and every rule match with its evidence.")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public QueuePage queue(
            @Parameter(schema = @Schema(enumeration = { "PENDING", "FLAGGED", "VISIBLE", "REJECTED" }, defaultValue = "PENDING"))
            @RestQuery @Pattern(regexp = "PENDING|FLAGGED|VISIBLE|REJECTED", message = "{org.vigie.Status.message}") String status,
            @RestQuery @ArticleKey String articleKey,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200"))
            @RestQuery @WholeNumber(min = 1, max = 200) String limit,
            @RestQuery String cursor) {
        return moderation.queue(status == null ? ModerationService.Queue.PENDING : ModerationService.Queue.valueOf(status),
                articleKey, WholeNumber.Values.or(limit, 50), cursor);
    }

    @GET
    @Path("/comments/{id}")
    @Operation(summary = "Read one comment as a moderator", description = "Whatever its status, with the author's"
            + " email and every rule match with its evidence.")
    @APIResponse(responseCode = "200", description = "The comment")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public QueueItem comment(@RestPath long id) {
        return moderation.comment(id);
    }

    @POST
    @Path("/comments/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a comment",
            description = "APPROVE makes it visible, REJECT hides it. The decision is kept in the audit trail.")
    @APIResponse(responseCode = "200", description = "The comment's new status")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public DecisionResult decide(@RestPath long id, @Valid @RequiredBody DecisionRequest payload,
            SecurityContext security) {
        return moderation.decide(id, payload, security.getUserPrincipal().getName());
    }
}
