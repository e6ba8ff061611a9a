package org.vigie.rules.conditions;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.vigie.rules.Evidence;
import org.vigie.rules.Submission.HistoryQuery;
import org.vigie.rules.Submission.HistoryQuery.Kind;
import org.vigie.rules.Submission.HistoryQuery.Scope;

/** Conditions on what came before, answered from facts the service loaded. */
public final class HistoryConditions {

    private HistoryConditions() {
    }

    /** The same text (once normalised) was posted within the window, by the same address or email, or on the same article. */
    public record Duplicate(Duration within, List<Scope> by) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            for (Scope scope : by) {
                long count = context.submission().history().count(new HistoryQuery(Kind.SAME_TEXT, scope, within));
                if (count > 0) {
                    return List.of(Evidence.fact("history", "même texte " + count + " fois en " + Durations.format(within)
                            + " (" + describe(scope) + ")"));
                }
            }
            return null;
        }

        @Override
        public void historyQueries(Set<HistoryQuery> into) {
            by.forEach(scope -> into.add(new HistoryQuery(Kind.SAME_TEXT, scope, within)));
        }
    }

    /** At least {@code atLeast} comments before this one within the window, from the same address or email. */
    public record Rate(long atLeast, Duration within, Scope by) implements Condition {
        @Override
        public List<Evidence> test(Context context) {
            long count = context.submission().history().count(new HistoryQuery(Kind.COMMENTS, by, within));
            if (count < atLeast) {
                return null;
            }
            return List.of(Evidence.fact("history", count + " commentaires en " + Durations.format(within) + " ("
                    + describe(by) + ")"));
        }

        @Override
        public void historyQueries(Set<HistoryQuery> into) {
            into.add(new HistoryQuery(Kind.COMMENTS, by, within));
        }
    }

    static String describe(Scope scope) {
        return switch (scope) {
            case IP -> "même adresse";
            case EMAIL -> "même email";
            case ARTICLE -> "même article";
        };
    }
}
