package org.vigie.webhook;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.account.Roles;
import org.vigie.http.Created;
import org.vigie.http.RequiredBody;
import org.vigie.http.WholeNumber;

/** Admins register the endpoints that receive Vigie's events, read their delivery logs and replay deliveries. */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Webhooks", description = "Signed event deliveries to the site's own services; admins only, HTTP Basic")
public class WebhookResource {

    @Inject
    WebhookEndpoints endpoints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "Events of the types listed are posted to url, signed with the secret (Standard Webhooks)."
                    + " Without a secret, one is generated; the answer gives it, and no answer ever gives it again.")
    @APIResponse(responseCode = "201", description = "Registered; the answer carries the secret, this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<Webhook> create(@Valid @RequiredBody NewWebhook payload, SecurityContext security) {
        Webhook created = endpoints.create(payload, security.getUserPrincipal().getName());
        return Created.at("/api/v1/admin/webhooks/" + created.id(), created);
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints", description = "Oldest first, without their secrets.")
    @APIResponse(responseCode = "200", description = "The endpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Webhook.class)))
    public List<Webhook> list() {
        return endpoints.list();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook endpoint", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Webhook one(@RestPath long id) {
        return endpoints.find(id).orElseThrow(() -> new WebhookEndpoints.WebhookNotFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhook", summary = "Change a webhook endpoint",
            description = "Its url, events, description, or enabled; fields left out keep their value. A disabled"
                    + " endpoint gets no new deliveries and its pending ones wait until it is enabled again.")
    @APIResponse(responseCode = "200", description = "The endpoint, changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Webhook update(@RestPath long id, @Valid @RequiredBody WebhookUpdate payload) {
        return endpoints.update(id, payload);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook endpoint",
            description = "With its delivery log; deliveries not made yet are dropped.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@RestPath long id) {
        endpoints.delete(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read an endpoint's delivery log",
            description = "Newest first: each event's delivery, its attempts, the last answer or error, and when it"
                    + " is tried next or was delivered.")
    @APIResponse(responseCode = "200", description = "A page of the log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDelivery.Page.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookDelivery.Page deliveries(@RestPath long id,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200"))
            @RestQuery @WholeNumber(min = 1, max = 200) String limit,
            @Parameter(description = "The nextCursor of the page before") @RestQuery String cursor) {
        return endpoints.deliveries(id, WholeNumber.Values.or(limit, 50), cursor);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Deliver an event again",
            description = "Makes the delivery due now, whatever its status; it is posted again with the same webhook-id"
                    + " and retried as a new one if it fails.")
    @APIResponse(responseCode = "202", description = "Queued; the delivery as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDelivery.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<WebhookDelivery> replay(@RestPath long id, @RestPath long deliveryId) {
        return RestResponse.accepted(endpoints.replay(id, deliveryId));
    }
}
