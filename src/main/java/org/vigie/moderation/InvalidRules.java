package org.vigie.moderation;

import java.util.List;

import org.vigie.platform.DomainException;
import org.vigie.platform.Problem;
import org.vigie.rules.InvalidRuleSet;

/** A rule set that was refused: 422 with every error, each named by its path in the document. */
public class InvalidRules extends DomainException {

    private final List<Problem.FieldError> errors;

    public InvalidRules(InvalidRuleSet invalid) {
        super(422, "invalid-rule-set", "Invalid rule set",
                "The rule set has " + invalid.errors().size() + " error(s); nothing was changed.");
        this.errors = invalid.errors().stream().map(e -> new Problem.FieldError(e.path(), e.message())).toList();
    }

    @Override
    public Problem toProblem(String instance) {
        Problem problem = super.toProblem(instance);
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), instance, errors);
    }
}
