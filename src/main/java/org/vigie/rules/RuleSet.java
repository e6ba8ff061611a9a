package org.vigie.rules;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vigie.rules.Submission.HistoryQuery;

/**
 * A compiled, tested rule set: rules in the order they run (priority, then file order), the history
 * counts they need, and the document they came from.
 */
public final class RuleSet {

    private final List<Rule> rules;
    private final Set<HistoryQuery> historyQueries;
    private final String document;
    private final int testCount;

    RuleSet(List<Rule> rulesInOrder, String document, int testCount) {
        this.rules = List.copyOf(rulesInOrder);
        Set<HistoryQuery> queries = new HashSet<>();
        rules.forEach(rule -> rule.when().historyQueries(queries));
        this.historyQueries = Collections.unmodifiableSet(queries);
        this.document = document;
        this.testCount = testCount;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The history counts the service must load for a submission before evaluating it. */
    public Set<HistoryQuery> historyQueries() {
        return historyQueries;
    }

    /** The YAML or JSON text the set was compiled from. */
    public String document() {
        return document;
    }

    /** How many test texts the set passed when it was compiled. */
    public int testCount() {
        return testCount;
    }
}
