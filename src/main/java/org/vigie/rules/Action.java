package org.vigie.rules;

import java.util.Locale;

/** What a rule does when it matches. */
public enum Action {
    /** Shows the item: VISIBLE. Final. */
    APPROVE(ModerationStatus.VISIBLE),
    /** Holds the item for a moderator: PENDING. Final. */
    HOLD(ModerationStatus.PENDING),
    /** Refuses the item: REJECTED. Final. */
    REJECT(ModerationStatus.REJECTED),
    /** Leaves the status to other rules but puts the item in the review queue. */
    FLAG(null);

    private final ModerationStatus status;

    Action(ModerationStatus status) {
        this.status = status;
    }

    /** Whether matching decides the status (the first final match wins). */
    public boolean isFinal() {
        return status != null;
    }

    public ModerationStatus status() {
        return status;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
