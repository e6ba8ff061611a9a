package org.vigie.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.vigie.article.ArticleKey;
import org.vigie.http.WholeNumber;
import org.vigie.platform.DomainException;

/** The moderation queues and their counts. */
@Path("/api/v1/moderation/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
@Tag(name = "Moderation")
public class QueueResource {

    @Inject
    ModerationQueues queues;

    @GET
    @Operation(operationId = "listQueue", summary = "List a moderation queue",
            description = "PENDING (held, the default), REPORTED (reported since a moderator last decided), FLAGGED"
                    + " (visible, flagged by a rule or reports), REJECTED or APPROVED (visible; VISIBLE also works)."
                    + " Each item has the author's email and record, every rule match with its evidence, the reports"
                    + " and the version to decide on. q searches the text for all its words (French full-text search;"
                    + " punctuation and search operators are ignored).")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public QueuePage queue(
            @Parameter(schema = @Schema(enumeration = { "PENDING", "REPORTED", "FLAGGED", "REJECTED", "APPROVED", "VISIBLE" },
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
                q == null || q.isBlank() ? null : ModerationQueues.searchWords(q).orElseThrow(NoSearchWords::new),
                ModerationQueues.Sort.of(sort == null ? "oldest" : sort));
        return queues.page(filter, WholeNumber.Values.or(limit, 50), cursor);
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "countQueues", summary = "Count the queues", description = "Items per queue, over every article or the one named.")
    @APIResponse(responseCode = "200", description = "A count per queue")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public java.util.Map<ModerationQueues.Queue, Long> counts(@RestQuery @ArticleKey String articleKey) {
        return queues.counts(articleKey);
    }

    @GET
    @Path("/counts/by-article")
    @Operation(operationId = "countQueuesByArticle", summary = "Count the queues per article", description = "The articles with the most comments pending,"
            + " reported or flagged, with their counts.")
    @APIResponse(responseCode = "200", description = "Articles, busiest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public java.util.List<ArticleQueueCounts> countsByArticle(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500"))
            @RestQuery @WholeNumber(min = 1, max = 500) String limit) {
        return queues.countsByArticle(WholeNumber.Values.or(limit, 50));
    }

    /** A search without a single letter or digit. */
    static class NoSearchWords extends DomainException {
        NoSearchWords() {
            super(400, "validation", "Invalid request", "q must hold at least one word (letters or digits).", "q");
        }
    }
}
