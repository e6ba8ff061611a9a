/**
 * Moderators' decisions on comments, one or many at a time, each on the version they saw (409 otherwise).
 * May use: {@code comment}, {@code account}, {@code rules}, {@code platform}.
 */
package org.vigie.decision;
