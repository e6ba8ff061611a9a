package org.vigie.article;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.account.Roles;
import org.vigie.http.Created;
import org.vigie.http.RequiredBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moderators open, close and premoderate articles. */
@Path("/api/v1/moderation/articles/{articleKey: .+}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class ArticleSettingsResource {

    @Inject
    ArticleService articles;

    @GET
    @Operation(operationId = "getArticleSettings", summary = "Read an article's settings")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ArticleSettings read(@RestPath @ArticleKey String articleKey) {
        return articles.settings(articleKey).orElseThrow(() -> new ArticleNotFound(articleKey));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateArticleSettings", summary = "Create or update an article's settings",
            description = "Fields left out keep their value; a new article starts open, with the default premoderation.")
    @APIResponse(responseCode = "200", description = "The article existed; its new settings")
    @APIResponse(responseCode = "201", description = "The article was created; its settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleSettings.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<ArticleSettings> update(@RestPath @ArticleKey String articleKey,
            @Valid @RequiredBody ArticleSettingsUpdate payload) {
        ArticleService.Updated updated = articles.update(articleKey, payload);
        return updated.created()
                ? Created.at("/api/v1/moderation/articles/" + articleKey, updated.settings())
                : RestResponse.ok(updated.settings());
    }
}
