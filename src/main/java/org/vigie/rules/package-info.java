/**
 * The rules engine, a plain library: a {@link org.vigie.rules.Submission} in, a {@link org.vigie.rules.Verdict}
 * out, with the rule set language and its parser. May use: its own sub-packages only; no Quarkus, no JPA.
 */
package org.vigie.rules;
