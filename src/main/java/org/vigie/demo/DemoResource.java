package org.vigie.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import org.vigie.account.Roles;

/** Demo data for integrators' tests, loaded by an admin. */
@Path("/api/v1/admin/demo")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class DemoResource {

    @Inject
    DemoThread demo;

    @POST
    @Operation(operationId = "loadDemoData", summary = "Load the demo article",
            description = "Creates the article demo/2026/budget-vote with a realistic thread: top-level comments with"
                    + " replies, one the rules hold for a moderator (it carries a link) and one that a reader reported."
                    + " The comments go through the rules as readers' do. Once loaded, it is left as it is: a second"
                    + " call answers 200 and changes nothing.")
    @APIResponse(responseCode = "201", description = "Loaded; each comment with its role and the status the rules gave it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DemoThread.DemoArticle.class)))
    @APIResponse(responseCode = "200", description = "Already loaded: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DemoThread.DemoArticle.class)))
    public RestResponse<DemoThread.DemoArticle> load() {
        DemoThread.DemoArticle loaded = demo.load();
        return RestResponse.status(loaded.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, loaded);
    }
}
