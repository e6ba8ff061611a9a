package org.vigie.ruleset;

import org.vigie.platform.DomainException;

/** No rule set version has this number. */
public class RuleSetVersionNotFound extends DomainException {
    public RuleSetVersionNotFound(int version) {
        super(404, "rule-set-version-not-found", "Rule set version not found", "No rule set version " + version + ".");
    }
}
