package org.vigie.account;

/** The two roles of moderator accounts. */
public final class Roles {

    /** Reads queues, decides on comments, configures articles. */
    public static final String MODERATOR = "moderator";

    /** Everything a moderator does, and manages accounts. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
