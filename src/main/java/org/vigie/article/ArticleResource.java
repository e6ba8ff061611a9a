package org.vigie.article;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.Separator;

/** Public figures about articles, for listing pages and the "most commented" box. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class ArticleResource {

    @Inject
    ArticleService articles;

    @GET
    @Path("/counts")
    @Operation(summary = "Comment counts of several articles",
            description = "Visible comments and replies per article key, in the order asked; unknown keys count 0.")
    @APIResponse(responseCode = "200", description = "A map from article key to count")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Map<String, Integer> counts(
            @Parameter(description = "Comma-separated article keys, at most 100", example = "a,b,c")
            @RestQuery @Separator(",") @NotNull @Size(max = 100) List<@ArticleKey String> keys) {
        return articles.counts(keys.stream().distinct().toList());
    }

    @GET
    @Path("/most-commented")
    @Operation(summary = "Most commented articles (Sujets les + commentés)",
            description = "Articles ranked by the visible comments and replies created in the last `days` days.")
    @APIResponse(responseCode = "200", description = "Articles, most commented first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<MostCommented> mostCommented(
            @RestQuery @Min(1) @Max(365) Integer days,
            @RestQuery @Min(1) @Max(100) Integer limit) {
        return articles.mostCommented(days == null ? 7 : days, limit == null ? 5 : limit);
    }
}
