package org.vigie.ruleset;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.vigie.account.Roles;

/** The rules: moderators read them and try them; admins change them, live. */
@Path("/api/v1/moderation/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Rules")
public class RuleSetResource {

    static final String YAML = "application/yaml";

    @Inject
    RuleSetService ruleSets;

    @GET
    @Operation(operationId = "getRuleSet", summary = "Read the rule set in force", description = "Its version and its document (YAML or JSON).")
    @APIResponse(responseCode = "200", description = "The rule set in force")
    public RuleSetInfo current() {
        return ruleSets.version(ruleSets.current().version())
                .orElseThrow(() -> new RuleSetVersionNotFound(ruleSets.current().version()));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ YAML, "application/x-yaml", "text/yaml", "text/plain", MediaType.APPLICATION_JSON })
    @Operation(operationId = "replaceRuleSet", summary = "Replace the rule set",
            description = "The document is checked first: syntax, unknown keys and lists, invalid regexes, unknown"
                    + " actions, and its own tests. A valid one becomes a new version, in force on every instance within"
                    + " a second.")
    @RequestBody(content = { @Content(mediaType = YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)) })
    @APIResponse(responseCode = "200", description = "The new version, now in force")
    @APIResponse(responseCode = "422", ref = "InvalidRuleSet")
    public RuleSetInfo replace(String document, SecurityContext security) {
        return ruleSets.replace(document, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/versions")
    @Operation(operationId = "listRuleSetVersions", summary = "List the rule set's versions", description = "Newest first; documents are left out.")
    @APIResponse(responseCode = "200", description = "Every version")
    public List<RuleSetInfo> versions() {
        return ruleSets.versions();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(operationId = "getRuleSetVersion", summary = "Read one version of the rule set")
    @APIResponse(responseCode = "200", description = "The version with its document")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RuleSetInfo version(@RestPath int version) {
        return ruleSets.version(version).orElseThrow(() -> new RuleSetVersionNotFound(version));
    }

    @POST
    @Path("/versions/{version}/restore")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "restoreRuleSetVersion", summary = "Put an old version back in force", description = "It is stored again as a new version.")
    @APIResponse(responseCode = "200", description = "The new version, now in force")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "InvalidRuleSet")
    public RuleSetInfo restore(@RestPath int version, SecurityContext security) {
        return ruleSets.restore(version, security.getUserPrincipal().getName());
    }
}
