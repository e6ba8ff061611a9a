package org.vigie.decision;

import org.vigie.platform.DomainException;

/** The comment changed since the moderator saw it: another decision, a report. Re-read it and decide again. */
public class StaleVersion extends DomainException {
    public StaleVersion(long id, int expected, int current) {
        super(409, "stale-version", "Comment changed",
                "Comment " + id + " is at version " + current + ", not " + expected
                        + ": it changed since you saw it. Read it again before deciding.", "version");
    }
}
