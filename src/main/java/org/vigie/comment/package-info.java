/**
 * Comments and replies: posting, public threads, their authors' edits, and every later change to a
 * comment (status, edits, reports, erasure) through one class. The only writer of {@code comment} and
 * {@code comment_version}. May use: {@code moderation},
 * {@code article}, {@code audit}, {@code webhook} (events), {@code rules}, {@code platform}.
 */
package org.vigie.comment;
