package org.vigie.comment;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.vigie.http.Languages;
import org.vigie.http.RequiredBody;
import org.vigie.platform.ClientAddresses;
import org.vigie.platform.Problem;

import io.vertx.core.http.HttpServerRequest;

/** One comment by its id: the address a post's Location header gives, a permalink, and its author's edits. */
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class CommentPermalinkResource {

    @Inject
    ClientAddresses addresses;

    @Inject
    CommentService comments;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getComment", summary = "Read one visible comment or reply",
            description = "A permalink's comment: its text, author name, date and, for a reply, the comment it"
                    + " answers. A comment that is not visible (held, rejected, erased) is not found.")
    @APIResponse(responseCode = "200", description = "The comment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentDetail one(@RestPath long id) {
        return comments.findVisible(id).orElseThrow(() -> new CommentNotFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editComment", summary = "Edit a comment or reply, as its author",
            description = "With the editToken the answer to the post gave, until its editableUntil"
                    + " (vigie.comments.edit-window after posting). The new text is validated as a post's and goes"
                    + " through the rules again: the answer says VISIBLE or PENDING, and a comment the new text"
                    + " gets held or rejected leaves the thread at once. Moderators see every earlier text."
                    + " Edits count against the same rate limit as posts.")
    @APIResponse(responseCode = "200", description = "Edited and moderated again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostedComment.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "The editToken is missing or wrong (wrong-edit-token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "No longer editable: the time to edit is over (edit-window-closed),"
            + " a moderator has decided on it (already-moderated), it was not accepted (not-editable), or the article"
            + " is closed (article-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public PostedComment edit(@RestPath long id, @Valid @RequiredBody CommentEdit payload, HttpHeaders headers,
            HttpServerRequest request) {
        String language = Languages.preferred(headers);
        CommentService.Edited edited = comments.edit(id, payload, addresses.of(request));
        return PostedComment.edited(edited.id(), edited.status(), edited.editableUntil(), language);
    }
}
