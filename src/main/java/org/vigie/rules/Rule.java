package org.vigie.rules;

import java.util.List;
import java.util.Set;

import org.vigie.rules.conditions.Condition;

/**
 * One rule of a rule set.
 *
 * @param id unique within the set
 * @param priority higher runs first; equal priorities run in file order
 * @param on the events the rule runs on
 * @param when its condition
 * @param action what it does when the condition holds
 * @param explain the explanation template ({match.original}, {match.normalized}, {match.field}, {match.grade}, {rule.id})
 * @param mode enforce, or shadow (only recorded)
 * @param reopen whether reports may hide again an item a moderator approved
 */
public record Rule(String id, int priority, Set<Submission.Event> on, Condition when, Action action, String explain,
        Mode mode, boolean reopen) {

    /** The explanation filled in with what the rule saw. */
    public String explanation(List<Evidence> evidence) {
        Evidence first = evidence.isEmpty() ? null : evidence.get(0);
        return explain
                .replace("{match.original}", first == null ? "" : first.original())
                .replace("{match.normalized}", first == null ? "" : first.normalized())
                .replace("{match.grade}", first == null || first.grade() == null ? "" : first.grade())
                .replace("{match.field}", first == null ? "" : first.field())
                .replace("{rule.id}", id);
    }
}
