package org.vigie.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.vigie.account.Roles;
import org.vigie.http.WholeNumber;

/** Moderation figures. */
@Path("/api/v1/moderation/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class StatsResource {

    @Inject
    StatsService stats;

    @GET
    @Operation(operationId = "getModerationStats", summary = "Moderation figures over the last days",
            description = "Comments by status, time from posting to decision (median, 90th percentile), decisions per"
                    + " moderator, rule hits, reports per reason.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ModerationStats stats(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "7", minimum = "1", maximum = "365"))
            @RestQuery @WholeNumber(min = 1, max = 365) String days) {
        return stats.stats(WholeNumber.Values.or(days, 7));
    }
}
