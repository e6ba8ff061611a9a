package org.vigie.comment;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.article.ArticleKey;
import org.vigie.http.Created;
import org.vigie.http.Languages;
import org.vigie.http.RequiredBody;
import org.vigie.http.Revalidation;
import org.vigie.http.WholeNumber;
import org.vigie.platform.ClientAddresses;
import org.vigie.platform.JsonBytes;
import org.vigie.platform.VigieConfig;

import io.vertx.core.http.HttpServerRequest;

/** An article's comment thread, as article pages post to it and read it. */
@Path("/api/v1/articles/{articleKey: .+}/comments")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class CommentResource {

    @Inject
    ClientAddresses addresses;

    @Inject
    CommentService comments;

    @Inject
    ThreadPages pages;

    @Inject
    VigieConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postComment", summary = "Post a comment or a reply",
            description = "Name, email and text are required. The email is never shown. A new article key creates the"
                    + " article. The answer says VISIBLE or PENDING; a rejected comment also answers PENDING. It gives,"
                    + " once, the editToken with which the author may edit the comment until editableUntil.")
    @APIResponse(responseCode = "201", description = "Stored; Location is the comment's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostedComment.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<PostedComment> post(
            @Parameter(description = "The frontend's id of the article", example = "politique/2026/budget-vote")
            @RestPath @ArticleKey String articleKey,
            @Valid @RequiredBody NewComment payload, HttpHeaders headers, HttpServerRequest request) {
        String language = Languages.preferred(headers);
        CommentService.Posted posted = comments.post(articleKey, payload, addresses.of(request));
        return Created.at("/api/v1/comments/" + posted.id(), PostedComment.posted(posted.id(), posted.status(),
                posted.editToken(), posted.editableUntil(), language));
    }

    @GET
    @Operation(operationId = "getThread", summary = "Read an article's thread",
            description = "Visible top-level comments, newest first by default, each with its visible replies oldest"
                    + " first. Follow nextCursor for the next page. An unknown article has total 0. Pages carry a"
                    + " strong ETag: send it back in If-None-Match for a 304 while the page is unchanged.")
    @APIResponse(responseCode = "200", description = "A page of the thread",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThreadPage.class)),
            headers = {
                    @Header(name = "ETag", description = "Strong validator of this page", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "How long a CDN or a browser may keep the page",
                            schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<byte[]> thread(
            @RestPath @ArticleKey String articleKey,
            @Parameter(schema = @Schema(enumeration = { "newest", "oldest" }, defaultValue = "newest"))
            @RestQuery @Pattern(regexp = "newest|oldest", message = "{org.vigie.Sort.message}") String sort,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100"))
            @RestQuery @WholeNumber(min = 1, max = 100) String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor,
            @Parameter(description = "The ETag of a page read before") @RestHeader("If-None-Match") String ifNoneMatch) {
        JsonBytes page = pages.page(articleKey, ThreadOrder.parse(sort), WholeNumber.Values.or(limit, 20), cursor);
        return Revalidation.answer(page, ifNoneMatch, config.cache());
    }
}
