package org.vigie.rules.lists;

import java.util.Locale;

/**
 * How hard a list's words hit, which the default rules act on: a mild one (idiot, crétin) puts the comment
 * in review and leaves it visible, a strong one (connard, putain) holds it, hate (slurs) rejects it.
 */
public enum Grade {
    MILD, STRONG, HATE;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
