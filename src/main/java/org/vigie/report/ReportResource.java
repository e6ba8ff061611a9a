package org.vigie.report;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.http.Languages;
import org.vigie.http.RequiredBody;
import org.vigie.platform.ClientAddresses;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** "Signaler": readers report comments. */
@Path("/api/v1/comments/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class ReportResource {

    @Inject
    ClientAddresses addresses;

    @Inject
    ReportService reports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportComment", summary = "Report a comment (Signaler)",
            description = "Any visible comment can be reported, also on a closed article. A reader counts once per"
                    + " comment: a repeat is answered the same and not counted again.")
    @APIResponse(responseCode = "202", description = "Accepted; a thank-you to show the reader",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportAccepted.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<ReportAccepted> report(@RestPath long id, @Valid @RequiredBody NewReport payload,
            HttpHeaders headers, HttpServerRequest request) {
        String language = Languages.preferred(headers);
        reports.report(id, payload, addresses.of(request));
        return RestResponse.status(RestResponse.Status.ACCEPTED, ReportAccepted.in(language));
    }
}
