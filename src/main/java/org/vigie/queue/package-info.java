/**
 * The moderators' queues: pending, reported, flagged, rejected, approved; search, counts, and one comment in
 * full. Reads only. May use: {@code comment}, {@code report}, {@code moderation}, {@code audit},
 * {@code account}, {@code rules}, {@code platform}.
 */
package org.vigie.queue;
