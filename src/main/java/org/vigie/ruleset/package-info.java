/**
 * The rule set in force and its versions: stored, validated, replaced and restored, live on every instance.
 * May use: {@code rules}, {@code account}, {@code platform}.
 */
package org.vigie.ruleset;
