package org.vigie.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
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
import org.vigie.platform.DomainException;
import org.vigie.platform.Times;

/** Who did what: the audit trail, read-only. */
@Path("/api/v1/moderation/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit trail",
            description = "Every status change, newest first: by a rule (with the rule set version), by a"
                    + " moderator, or by the author's edit (actor author, with the rule that judged the new text)."
                    + " Filter by moderator (a username, a rule id, or author), comment and time span.")
    @APIResponse(responseCode = "200", description = "A page of the trail")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AuditPage read(
            @Parameter(description = "A moderator's username, a rule id, or author for the authors' edits") @RestQuery @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}",
                    message = "{org.vigie.Username.message}") String moderator,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @RestQuery @WholeNumber(min = 1, max = Long.MAX_VALUE)
            String commentId,
            @Parameter(description = "From this time (ISO-8601, inclusive)") @RestQuery String from,
            @Parameter(description = "Until this time (ISO-8601, exclusive)") @RestQuery String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500"))
            @RestQuery @WholeNumber(min = 1, max = 500) String limit,
            @RestQuery String cursor) {
        return log.read(new AuditLog.Filter(moderator, commentId == null || commentId.isEmpty() ? null : Long.valueOf(commentId),
                instant(from, "from"), instant(to, "to")), WholeNumber.Values.or(limit, 50), cursor);
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant time = Instant.parse(value.strip());
            if (!Times.storable(time)) {
                throw new InvalidTime(field);
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new InvalidTime(field);
        }
    }

    /** A time that is not ISO-8601. */
    static class InvalidTime extends DomainException {
        InvalidTime(String field) {
            super(400, "validation", "Invalid request", "Invalid value for " + field + ".", field);
        }
    }
}
