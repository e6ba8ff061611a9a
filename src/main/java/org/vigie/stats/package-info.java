/**
 * Moderation figures over a window of days: statuses, time to decision, decisions, rule hits, reports.
 * Reads only. May use: {@code comment}, {@code rules}, {@code account}, {@code platform}.
 */
package org.vigie.stats;
