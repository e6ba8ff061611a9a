package org.vigie.ruleset;

import org.vigie.platform.DomainException;
import org.vigie.platform.Problem;
import org.vigie.rules.InvalidRuleSet;

/** A rule set that was refused: 422 with every error, each named by its path in the document. */
public class InvalidRules extends DomainException {

    public InvalidRules(InvalidRuleSet invalid) {
        super(422, "invalid-rule-set", "Invalid rule set",
                "The rule set has " + invalid.errors().size() + " error(s); nothing was changed.",
                invalid.errors().stream().map(e -> new Problem.FieldError(e.path(), e.message())).toList());
    }
}
