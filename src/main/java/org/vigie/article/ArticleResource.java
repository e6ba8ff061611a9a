package org.vigie.article;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.Separator;
import org.vigie.http.Revalidation;
import org.vigie.http.WholeNumber;
import org.vigie.platform.VigieConfig;

/** Public figures about articles, for listing pages and the "most commented" box. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class ArticleResource {

    @Inject
    ArticleFigures figures;

    @Inject
    VigieConfig config;

    @GET
    @Path("/counts")
    @Operation(operationId = "getCommentCounts", summary = "Comment counts of several articles",
            description = "Visible comments and replies per article key, in the order asked; unknown keys count 0.")
    @APIResponse(responseCode = "200", description = "A map from article key to count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    additionalProperties = Integer.class)),
            headers = { @Header(name = "ETag", description = "Strong validator of these counts", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "How long a CDN or a browser may keep them",
                            schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<byte[]> counts(
            @Parameter(description = "Comma-separated article keys, at most 100", explode = Explode.FALSE,
                    example = "[\"politique/2026/budget\", \"sport/2026/finale\"]")
            @RestQuery @Separator(",") @NotEmpty @Size(max = 100) List<@ArticleKey String> keys,
            @Parameter(description = "The ETag of counts read before") @RestHeader("If-None-Match") String ifNoneMatch) {
        return Revalidation.answer(figures.counts(keys.stream().distinct().toList()), ifNoneMatch, config.cache());
    }

    @GET
    @Path("/most-commented")
    @Operation(operationId = "getMostCommented", summary = "Most commented articles (Sujets les + commentés)",
            description = "Articles ranked by the visible comments and replies created in the last `days` days.")
    @APIResponse(responseCode = "200", description = "Articles, most commented first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = MostCommented.class)),
            headers = { @Header(name = "ETag", description = "Strong validator of this ranking", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "How long a CDN or a browser may keep it",
                            schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<byte[]> mostCommented(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "365", defaultValue = "7"))
            @RestQuery @WholeNumber(min = 1, max = 365) String days,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "5"))
            @RestQuery @WholeNumber(min = 1, max = 100) String limit,
            @Parameter(description = "The ETag of the ranking read before") @RestHeader("If-None-Match") String ifNoneMatch) {
        return Revalidation.answer(figures.mostCommented(WholeNumber.Values.or(days, 7), WholeNumber.Values.or(limit, 5)), ifNoneMatch, config.cache());
    }
}
