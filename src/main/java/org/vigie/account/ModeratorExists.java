package org.vigie.account;

import org.vigie.platform.DomainException;

/** The username is taken. */
public class ModeratorExists extends DomainException {
    public ModeratorExists(String username) {
        super(409, "moderator-exists", "Username taken",
                "An account named " + username + " already exists.", "username");
    }
}
