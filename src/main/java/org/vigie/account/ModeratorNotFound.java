package org.vigie.account;

import org.vigie.platform.DomainException;

/** No account has this username. */
public class ModeratorNotFound extends DomainException {
    public ModeratorNotFound(String username) {
        super(404, "moderator-not-found", "Moderator not found", "No account is named " + username + ".");
    }
}
