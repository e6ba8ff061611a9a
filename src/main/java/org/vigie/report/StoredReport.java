package org.vigie.report;

import java.time.Instant;

/**
 * A report as stored, for the moderators' view of a comment and the author's export.
 *
 * @param reporter the start of the reporter's keyed hash ({@code id:} for a frontend id, {@code ip:} for an
 *     address): enough to tell reporters apart, not to find them
 */
public record StoredReport(long commentId, String reason, String details, Instant createdAt, String reporter) {
}
