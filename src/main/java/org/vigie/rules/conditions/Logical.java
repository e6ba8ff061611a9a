package org.vigie.rules.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.vigie.rules.Evidence;
import org.vigie.rules.Submission.HistoryQuery;

/** all, any and not. */
public final class Logical {

    private Logical() {
    }

    /** Holds when every condition holds; shows what each saw. */
    public record All(List<Condition> conditions) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            List<Evidence> evidence = new ArrayList<>();
            for (Condition condition : conditions) {
                List<Evidence> seen = condition.test(context);
                if (seen == null) {
                    return null;
                }
                evidence.addAll(seen);
            }
            return evidence;
        }

        @Override
        public void historyQueries(Set<HistoryQuery> into) {
            conditions.forEach(c -> c.historyQueries(into));
        }
    }

    /** Holds when one condition holds; shows what the first that holds saw. */
    public record Any(List<Condition> conditions) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            for (Condition condition : conditions) {
                List<Evidence> seen = condition.test(context);
                if (seen != null) {
                    return seen;
                }
            }
            return null;
        }

        @Override
        public void historyQueries(Set<HistoryQuery> into) {
            conditions.forEach(c -> c.historyQueries(into));
        }
    }

    /** Holds when the condition does not. */
    public record Not(Condition condition) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            return condition.test(context) == null ? List.of() : null;
        }

        @Override
        public void historyQueries(Set<HistoryQuery> into) {
            condition.historyQueries(into);
        }
    }
}
