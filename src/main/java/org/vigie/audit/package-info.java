/**
 * The audit trail: every status change of a comment, by a rule or a moderator. The only writer of
 * {@code audit_entry}. May use: {@code account}, {@code rules} (statuses), {@code platform}.
 */
package org.vigie.audit;
