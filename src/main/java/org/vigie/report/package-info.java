/**
 * Readers' reports: stored once per reader, then the report rules may flag or hold the comment. The only
 * writer of {@code report}. May use: {@code comment}, {@code moderation}, {@code article}, {@code webhook}
 * (events), {@code rules}, {@code platform}.
 */
package org.vigie.report;
