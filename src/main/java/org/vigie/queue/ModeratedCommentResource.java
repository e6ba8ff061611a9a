package org.vigie.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.vigie.account.Roles;

/** One comment in full, as moderators see it. */
@Path("/api/v1/moderation/comments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class ModeratedCommentResource {

    @Inject
    ModerationQueues queues;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getModeratedComment", summary = "Read one comment in full", description = "Whatever its status: the author's email and record,"
            + " every rule match with its evidence, every report and every status change.")
    @APIResponse(responseCode = "200", description = "The comment")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ModeratedComment comment(@RestPath long id) {
        return queues.detail(id);
    }
}
