package org.vigie.rules.conditions;

import java.util.List;
import java.util.Set;

import org.vigie.rules.Evidence;
import org.vigie.rules.Submission.HistoryQuery;

/** One test a rule applies to a submission. */
public interface Condition {

    /**
     * Whether the condition holds: {@code null} when it does not; otherwise what it saw, first the most
     * telling (an empty list when it holds without anything in particular to show).
     */
    List<Evidence> test(Context context);

    /** The history counts this condition reads, for the service to load before evaluating. */
    default void historyQueries(Set<HistoryQuery> into) {
    }
}
