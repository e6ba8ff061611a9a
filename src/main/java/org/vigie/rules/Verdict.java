package org.vigie.rules;

import java.util.List;

/**
 * The outcome of moderating one submission: its status, whether it goes to the review queue although
 * visible, and every match behind it.
 */
public record Verdict(ModerationStatus status, boolean flagged, List<Match> matches) {

    public Verdict {
        matches = List.copyOf(matches);
    }

    /** The match that decided the status. */
    public java.util.Optional<Match> decisive() {
        return matches.stream().filter(Match::decisive).findFirst();
    }
}
