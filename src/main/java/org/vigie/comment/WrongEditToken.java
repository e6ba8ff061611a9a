package org.vigie.comment;

import org.vigie.platform.DomainException;

/** The edit token is missing, or is not the one the answer to this comment's post gave. */
public class WrongEditToken extends DomainException {
    public WrongEditToken() {
        super(403, "wrong-edit-token", "Wrong edit token",
                "editToken must be the token the answer to this comment's post gave.", "editToken");
    }
}
