package org.vigie.rules;

/** One thing wrong with a rule set: where (a path such as {@code rules[2].when.text.list}) and what. */
public record RuleSetError(String path, String message) {
}
