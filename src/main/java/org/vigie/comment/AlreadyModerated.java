package org.vigie.comment;

import org.vigie.platform.DomainException;

/** A moderator has decided on the comment: its author may no longer change what was decided on. */
public class AlreadyModerated extends DomainException {
    public AlreadyModerated(long id) {
        super(409, "already-moderated", "Already moderated",
                "A moderator has decided on comment " + id + "; it can no longer be edited.", "id");
    }
}
