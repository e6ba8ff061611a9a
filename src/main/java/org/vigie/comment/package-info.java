/**
 * Comments and replies: posting, public threads, and every later change to a comment (status, reports,
 * erasure) through one class. The only writer of {@code comment}. May use: {@code moderation},
 * {@code article}, {@code audit}, {@code rules}, {@code platform}.
 */
package org.vigie.comment;
