package org.vigie.rules;

import java.util.List;

/** A rule set that cannot be used, with everything wrong in it. */
public class InvalidRuleSet extends Exception {

    private final transient List<RuleSetError> errors;

    public InvalidRuleSet(List<RuleSetError> errors) {
        super(errors.size() + " error(s) in the rule set, first: " + errors.get(0).path() + ": " + errors.get(0).message(),
                null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<RuleSetError> errors() {
        return errors;
    }
}
