package org.vigie.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vigie.platform.SqlStatement;
import org.vigie.platform.Times;

/**
 * Writes the webhooks' events, in the transaction of the change they tell of: an event is stored if and
 * only if its change commits. Events nobody subscribes to are not written: the types some enabled
 * endpoint wants are kept in memory, read again whenever an endpoint changes here and every few seconds
 * ({@code vigie.webhooks.refresh-every}) for the changes made on other instances.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private volatile Set<WebhookEventType> subscribed = EnumSet.noneOf(WebhookEventType.class);

    private static final String INSERT = "INSERT INTO webhook_event (type, payload, created_at)"
            + " VALUES (:type, CAST(:payload AS jsonb), :at) RETURNING id";

    /** The event's envelope, as receivers read it. */
    record Envelope(String type, Instant timestamp, Object data) {
    }

    /** Whether some enabled endpoint subscribes to this type, as far as this instance knows. */
    public boolean wants(WebhookEventType type) {
        return subscribed.contains(type);
    }

    /**
     * Writes an event of this type, with the data {@code data} gives, if some endpoint subscribes to it;
     * the data is made only then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(WebhookEventType type, Supplier<?> data) {
        if (wants(type)) {
            Instant now = Times.now(clock);
            SqlStatement.of(INSERT)
                    .set("type", type.wireName())
                    .set("payload", payload(type, now, data.get()))
                    .set("at", now)
                    .single(entityManager, row -> row.count("id"));
        }
    }

    /**
     * The part of a statement that writes a {@code comment.created} event for the comment its {@code WITH}
     * clause {@code cte} inserted, to run beside the statement's other parts: {@code , announced AS (this)}.
     * Its parameters are bound by {@link #bindInsertedComment}; the comment's id is set from the row
     * inserted. Posting writes its comment, its audit entry and its event in one round trip.
     */
    public static String insertedComment(String cte) {
        return "INSERT INTO webhook_event (type, payload, created_at)"
                + " SELECT :eventType, jsonb_set(CAST(:eventPayload AS jsonb), '{data,comment,id}', to_jsonb(id)), :eventAt"
                + " FROM " + cte;
    }

    /** Binds the parameters of {@link #insertedComment}: {@code event}'s comment id is replaced by the new one. */
    public SqlStatement bindInsertedComment(SqlStatement statement, WebhookData.CommentEvent event, Instant at) {
        return statement.set("eventType", WebhookEventType.COMMENT_CREATED.wireName())
                .set("eventPayload", payload(WebhookEventType.COMMENT_CREATED, at, event))
                .set("eventAt", at);
    }

    private String payload(WebhookEventType type, Instant at, Object data) {
        try {
            return json.writeValueAsString(new Envelope(type.wireName(), at, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event JSON cannot hold: " + type.wireName(), e);
        }
    }

    /**
     * Forgets what the stored events say of these comments' authors (an erasure): their name and text
     * become {@code name} and {@code body}, and the changes' reasons, which may quote the text, go. A
     * delivery not made yet sends the events as they are now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetComments(Collection<Long> commentIds, String name, String body) {
        if (!commentIds.isEmpty()) {
            // One array parameter, however many comments the author wrote.
            entityManager.createNativeQuery("""
                    UPDATE webhook_event
                       SET payload = jsonb_set(jsonb_set(payload, '{data,comment,authorName}', to_jsonb(CAST(?2 AS text))),
                                               '{data,comment,body}', to_jsonb(CAST(?3 AS text))) #- '{data,change,reason}'
                     WHERE type IN ('comment.created', 'comment.status_changed')
                       AND CAST(payload #>> '{data,comment,id}' AS bigint) = ANY(?1)
                    """)
                    .setParameter(1, commentIds.toArray(Long[]::new))
                    .setParameter(2, name)
                    .setParameter(3, body)
                    .executeUpdate();
        }
    }

    /** Reads again which types the enabled endpoints subscribe to, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        SqlStatement.of("SELECT DISTINCT unnest(events) AS type FROM webhook_endpoint WHERE enabled")
                .list(entityManager, row -> row.string("type"))
                .forEach(name -> WebhookEventType.named(name).ifPresent(types::add));
        subscribed = types;
    }
}
