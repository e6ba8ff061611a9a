package org.vigie.http;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.platform.Problem;

/** The contract's shared parts: the problem responses every operation refers to by name. */
@OpenAPIDefinition(
        info = @Info(title = "Vigie API", version = "1.0",
                description = "Comments, replies and moderation for news sites. Every error is an RFC 9457"
                        + " application/problem+json document; `errors` names the fields at fault. A method"
                        + " that a path does not serve answers 405 (the shared MethodNotAllowed response).",
                license = @License(name = "Apache-2.0", identifier = "Apache-2.0")),
        tags = {
                @Tag(name = "Public", description = "Called by article pages; no authentication, writes rate-limited"),
                @Tag(name = "Moderation", description = "Moderators and admins, HTTP Basic"),
                @Tag(name = "Rules", description = "The rules engine: moderators read and try, admins change (HTTP Basic)"),
                @Tag(name = "Administration", description = "Admins only, HTTP Basic") },
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400",
                        description = "Invalid input; errors names each field at fault",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Unauthorized", responseCode = "401",
                        description = "No credentials, or wrong ones (HTTP Basic); repeated failures are throttled",
                        headers = @Header(name = "WWW-Authenticate", description = "The Basic challenge",
                                schema = @Schema(type = SchemaType.STRING)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "OriginNotAllowed", responseCode = "403",
                        description = "Sent by a browser from a site that the CORS settings do not allow (origin-not-allowed)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", responseCode = "403",
                        description = "The account's role does not allow this, or the request came from a site that the CORS"
                                + " settings do not allow",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Conflict", responseCode = "409",
                        description = "Conflicts with the current state: a closed article, a taken name, a decision already made",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "MethodNotAllowed", responseCode = "405",
                        description = "The path does not serve this method",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotAcceptable", responseCode = "406",
                        description = "Accept rules out application/json and application/problem+json",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PayloadTooLarge", responseCode = "413",
                        description = "The request body is over 64 KB (a rule set: over 1 MB); the connection is closed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UriTooLong", responseCode = "414",
                        description = "The path and query string are over 8 KB; the connection is closed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "The body is not application/json",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnprocessableEntity", responseCode = "422",
                        description = "Well-formed but impossible, such as a reply to a comment that is not visible",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "InvalidRuleSet", responseCode = "422",
                        description = "The rule set is invalid; errors lists each problem with its path in the document",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "TooManyRequests", responseCode = "429",
                        description = "Rate limit reached; retry after the seconds in Retry-After",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "HeaderFieldsTooLarge", responseCode = "431",
                        description = "The request headers are over 16 KB in all; the connection is closed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "ServiceUnavailable", responseCode = "503",
                        description = "PostgreSQL cannot be reached; retry after the seconds in Retry-After",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))) }))
public class ApiDefinition extends Application {
}
