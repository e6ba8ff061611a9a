package org.vigie.moderation;

import org.vigie.platform.DomainException;
import org.vigie.rules.ModerationStatus;

/** The comment already has the status the decision asks for, maybe set by another moderator. */
public class AlreadyDecided extends DomainException {
    public AlreadyDecided(long id, ModerationStatus status) {
        super(409, "already-decided", "Already decided",
                "Comment " + id + " is already " + status + ".", "action");
    }
}
