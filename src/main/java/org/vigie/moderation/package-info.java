/**
 * The pipeline: a submission in, a verdict out. Loads from PostgreSQL the facts the rules need (author
 * records, bans, history) and runs the rule set in force; dry runs too. May use: {@code ruleset},
 * {@code article}, {@code rules}, {@code account}, {@code platform}.
 */
package org.vigie.moderation;
