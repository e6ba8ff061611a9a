package org.vigie.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.vigie.article.ArticleKey;
import org.vigie.platform.RequiredBody;
import org.vigie.platform.WholeNumber;

/** The moderator's queue and decisions. */
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class ModerationResource {

    @Inject
    ModerationService moderation;

    @Inject
    ModerationQueues queues;

    @Inject
    StatsService stats;

    @GET
    @Path("/queue")
    @Operation(summary = "List a moderation queue",
            description = "PENDING (held, the default), REPORTED (reported since a moderator last decided), FLAGGED"
                    + " (visible, flagged by a rule or reports), REJECTED or APPROVED (visible; VISIBLE also works)."
                    + " Each item has the author's email and record, every rule match with its evidence, the reports"
                    + " and the version to decide on. q searches the text (French full-text search).")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public QueuePage queue(
            @Parameter(schema = @Schema(enumeration = { "PENDING", "REPORTED", "FLAGGED", "REJECTED", "APPROVED" },
                    defaultValue = "PENDING"))
            @RestQuery @Pattern(regexp = "PENDING|REPORTED|FLAGGED|REJECTED|APPROVED|VISIBLE",
                    message = "{org.vigie.Status.message}") String status,
            @RestQuery @ArticleKey String articleKey,
            @Parameter(description = "Words to search in the text") @RestQuery @Size(max = 200)
            @Pattern(regexp = "[^\\x00]*", message = "{org.vigie.SingleLine.message}") String q,
            @Parameter(schema = @Schema(enumeration = { "oldest", "newest", "most-reported" }, defaultValue = "oldest"))
            @RestQuery @Pattern(regexp = "oldest|newest|most-reported", message = "{org.vigie.QueueSort.message}") String sort,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200"))
            @RestQuery @WholeNumber(min = 1, max = 200) String limit,
            @RestQuery String cursor) {
        ModerationQueues.Filter filter = new ModerationQueues.Filter(
                ModerationQueues.Queue.of(status == null ? "PENDING" : status), articleKey,
                q == null || q.isBlank() ? null : q.strip(), ModerationQueues.Sort.of(sort == null ? "oldest" : sort));
        return queues.page(filter, WholeNumber.Values.or(limit, 50), cursor);
    }

    @GET
    @Path("/queue/counts")
    @Operation(summary = "Count the queues", description = "Items per queue, over every article or the one named.")
    @APIResponse(responseCode = "200", description = "A count per queue")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public java.util.Map<ModerationQueues.Queue, Long> counts(@RestQuery @ArticleKey String articleKey) {
        return queues.counts(articleKey);
    }

    @GET
    @Path("/queue/counts/by-article")
    @Operation(summary = "Count the queues per article", description = "The articles with the most comments pending,"
            + " reported or flagged, with their counts.")
    @APIResponse(responseCode = "200", description = "Articles, busiest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public java.util.List<ArticleQueueCounts> countsByArticle(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500"))
            @RestQuery @WholeNumber(min = 1, max = 500) String limit) {
        return queues.countsByArticle(WholeNumber.Values.or(limit, 50));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Moderation figures over the last days",
            description = "Comments by status, time from posting to decision (median, 90th percentile), decisions per"
                    + " moderator, rule hits, reports per reason.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ModerationStats stats(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "7", minimum = "1", maximum = "365"))
            @RestQuery @WholeNumber(min = 1, max = 365) String days) {
        return stats.stats(WholeNumber.Values.or(days, 7));
    }

    @GET
    @Path("/comments/{id}")
    @Operation(summary = "Read one comment in full", description = "Whatever its status: the author's email and record,"
            + " every rule match with its evidence, every report and every status change.")
    @APIResponse(responseCode = "200", description = "The comment")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ModeratedComment comment(@RestPath long id) {
        return queues.detail(id);
    }

    @POST
    @Path("/comments/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a comment",
            description = "APPROVE makes it visible, and reports alone no longer hide it; REJECT hides it, with its"
                    + " replies if it is a top-level comment. The decision names the version it was made on (body or"
                    + " If-Match): if the comment changed since, it is refused with 409. Kept in the audit trail.")
    @APIResponse(responseCode = "200", description = "The comment's new status and version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public DecisionResult decide(@RestPath long id, @Valid @RequiredBody DecisionRequest payload,
            @Parameter(description = "The comment's version, as \"3\" or 3, instead of version in the body")
            @RestHeader("If-Match") String ifMatch, SecurityContext security) {
        return moderation.decide(id, payload, IfMatch.version(ifMatch), security.getUserPrincipal().getName());
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject up to 200 comments at once",
            description = "Each comment is decided on its own, on the version given: each gets its own result, ok,"
                    + " conflict (it changed since) or not_found.")
    @APIResponse(responseCode = "200", description = "One result per comment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public BulkDecisionResult decideAll(@Valid @RequiredBody BulkDecisionRequest payload, SecurityContext security) {
        return BulkDecisionResult.of(moderation.decideAll(payload, security.getUserPrincipal().getName()));
    }
}
