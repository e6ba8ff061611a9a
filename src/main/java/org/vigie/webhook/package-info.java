/**
 * Signed webhooks: the endpoints admins register, the outbox every change writes its event to in its own
 * transaction, and the dispatcher that delivers the events. The only writer of {@code webhook_endpoint},
 * {@code webhook_event} and {@code webhook_delivery}. May use: {@code http}, {@code account} (roles),
 * {@code rules} (statuses), {@code platform}.
 */
package org.vigie.webhook;
