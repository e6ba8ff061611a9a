/**
 * Authors, known by email: bans and suspensions, premoderation, and the rights of access and erasure.
 * The only writer of {@code ban} and {@code author_setting}. May use: {@code comment}, {@code report},
 * {@code moderation}, {@code audit}, {@code webhook} (events), {@code account}, {@code rules},
 * {@code platform}.
 */
package org.vigie.author;
