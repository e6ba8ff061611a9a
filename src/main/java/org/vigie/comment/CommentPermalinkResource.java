package org.vigie.comment;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One comment by its id: the address a post's Location header gives, and a permalink. */
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class CommentPermalinkResource {

    @Inject
    CommentService comments;

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one visible comment or reply")
    @APIResponse(responseCode = "200", description = "The comment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentDetail one(@RestPath long id) {
        return comments.findVisible(id).orElseThrow(() -> new CommentNotFound(id));
    }
}
