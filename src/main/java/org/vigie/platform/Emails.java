package org.vigie.platform;

import java.util.Locale;

/** Authors are known by their email, stripped and lower-cased: the key of their record, bans and settings. */
public final class Emails {

    private Emails() {
    }

    /** The key of an email; null for none. */
    public static String normalize(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
