package org.vigie.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.platform.Cursor;
import org.vigie.platform.DomainException;
import org.vigie.platform.Rows;
import org.vigie.platform.SqlStatement;
import org.vigie.platform.Times;

/**
 * The endpoints admins register, and their delivery logs. Every change to an endpoint refreshes the types
 * this instance writes events for, in the same transaction.
 */
@ApplicationScoped
public class WebhookEndpoints {

    /**
     * An absolute http or https URL with a host, and no user or password in it; written without inline
     * flags, which the contract's regular expressions (ECMA-262) do not have.
     */
    static final String URL = "[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?(?:[/?#]\\S*)?";

    static final String DELIVERY_ORDERING = "webhook-deliveries";

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookOutbox outbox;

    @Inject
    Clock clock;

    private static final String COLUMNS = "id, url, description, array_to_string(events, ',') AS events, enabled, created_by,"
            + " created_at, updated_at";

    private static final String INSERT = "INSERT INTO webhook_endpoint (url, secret, events, description, created_by, created_at, updated_at)"
            + " VALUES (:url, :secret, string_to_array(:events, ','), :description, :createdBy, :at, :at) RETURNING " + COLUMNS;

    private static final String UPDATE = "UPDATE webhook_endpoint SET url = coalesce(:url, url),"
            + " events = coalesce(string_to_array(:events, ','), events), description = coalesce(:description, description),"
            + " enabled = coalesce(:enabled, enabled), updated_at = :at WHERE id = :id RETURNING " + COLUMNS;

    private static final String DELIVERY_COLUMNS = "d.id, d.event_id, e.type, d.status, d.attempts, d.last_status, d.last_error,"
            + " d.next_attempt_at, d.delivered_at, d.created_at";

    /** Registers an endpoint; the answer carries its secret, the one time it is given. */
    @Transactional
    public Webhook create(NewWebhook request, String admin) {
        String secret = request.secret() != null ? request.secret() : WebhookSignature.newSecret();
        Webhook created = SqlStatement.of(INSERT)
                .set("url", checked(request.url()))
                .set("secret", secret)
                .set("events", String.join(",", request.events().stream().distinct().toList()))
                .set("description", request.description())
                .set("createdBy", admin)
                .set("at", Times.now(clock))
                .single(entityManager, WebhookEndpoints::webhook);
        outbox.refresh();
        return created.withSecret(secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> list() {
        return SqlStatement.of("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY id").list(entityManager, WebhookEndpoints::webhook);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Webhook> find(long id) {
        return SqlStatement.of("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id").set("id", id)
                .list(entityManager, WebhookEndpoints::webhook).stream().findFirst();
    }

    @Transactional
    public Webhook update(long id, WebhookUpdate change) {
        Webhook updated = SqlStatement.of(UPDATE)
                .set("url", change.url() == null ? null : checked(change.url()))
                .set("events", change.events() == null ? null : String.join(",", change.events().stream().distinct().toList()))
                .set("description", change.description())
                .set("enabled", change.enabled())
                .set("at", Times.now(clock))
                .set("id", id)
                .list(entityManager, WebhookEndpoints::webhook).stream().findFirst()
                .orElseThrow(() -> new WebhookNotFound(id));
        outbox.refresh();
        return updated;
    }

    /** Removes an endpoint with its delivery log; deliveries not made yet are dropped. */
    @Transactional
    public void delete(long id) {
        if (SqlStatement.of("DELETE FROM webhook_endpoint WHERE id = :id RETURNING id").set("id", id)
                .list(entityManager, row -> row.count("id")).isEmpty()) {
            throw new WebhookNotFound(id);
        }
        outbox.refresh();
    }

    /** An endpoint's deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookDelivery.Page deliveries(long endpointId, int limit, String cursorToken) {
        Cursor after = Cursor.decode(cursorToken, DELIVERY_ORDERING);
        find(endpointId).orElseThrow(() -> new WebhookNotFound(endpointId));
        SqlStatement page = SqlStatement.of("SELECT " + DELIVERY_COLUMNS
                + " FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id WHERE d.endpoint_id = :endpoint"
                + (after == null ? "" : " AND (d.created_at, d.id) < (:at, :id)")
                + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
                .set("endpoint", endpointId)
                .set("limit", limit + 1);
        if (after != null) {
            page.set("at", after.instant()).set("id", after.id());
        }
        Cursor.Page<WebhookDelivery> items = Cursor.page(page.list(entityManager, WebhookEndpoints::delivery), limit,
                DELIVERY_ORDERING, d -> Cursor.at(d.createdAt(), d.id()));
        return new WebhookDelivery.Page(items.items(), items.nextCursor());
    }

    /** Makes a delivery due now, whatever its status: the dispatcher posts it again, with the same webhook-id. */
    @Transactional
    public WebhookDelivery replay(long endpointId, long deliveryId) {
        return SqlStatement.of("WITH replayed AS (UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now,"
                + " first_attempt_at = NULL, delivered_at = NULL WHERE id = :delivery AND endpoint_id = :endpoint RETURNING *)"
                + " SELECT " + DELIVERY_COLUMNS + " FROM replayed d JOIN webhook_event e ON e.id = d.event_id")
                .set("now", Times.now(clock))
                .set("delivery", deliveryId)
                .set("endpoint", endpointId)
                .list(entityManager, WebhookEndpoints::delivery).stream().findFirst()
                .orElseThrow(() -> new DeliveryNotFound(endpointId, deliveryId));
    }

    private static Webhook webhook(Rows.Row row) {
        return new Webhook(row.count("id"), row.string("url"), row.string("description"),
                Arrays.asList(row.string("events").split(",")), row.bool("enabled"), row.string("created_by"),
                row.instant("created_at"), row.instant("updated_at"), null);
    }

    private static WebhookDelivery delivery(Rows.Row row) {
        Long lastStatus = row.nullableLong("last_status");
        return new WebhookDelivery(row.count("id"), row.count("event_id"), row.string("type"), row.string("status"),
                row.integer("attempts"), lastStatus == null ? null : lastStatus.intValue(),
                row.string("last_error"), row.instant("next_attempt_at"), row.instant("delivered_at"), row.instant("created_at"));
    }

    /** The URL, if Java can post to it: the pattern lets through characters a URI may not hold. */
    private static String checked(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new InvalidUrl();
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidUrl();
        }
    }

    /** A URL that passes the pattern but is not one. */
    static class InvalidUrl extends DomainException {
        InvalidUrl() {
            super(400, "validation", "Invalid request", "Invalid value for url: not an absolute http or https URL.", "url");
        }
    }

    /** No endpoint has this id. */
    static class WebhookNotFound extends DomainException {
        WebhookNotFound(long id) {
            super(404, "webhook-not-found", "Webhook not found", "No webhook endpoint has the id " + id + ".");
        }
    }

    /** The endpoint has no delivery with this id. */
    static class DeliveryNotFound extends DomainException {
        DeliveryNotFound(long endpointId, long deliveryId) {
            super(404, "delivery-not-found", "Delivery not found",
                    "Webhook endpoint " + endpointId + " has no delivery with the id " + deliveryId + ".");
        }
    }
}
