package org.vigie.comment;

/** How top-level comments of a thread are ordered. Replies are always oldest first. */
public enum ThreadOrder {
    NEWEST,
    OLDEST;

    public static ThreadOrder parse(String value) {
        return value == null || value.isEmpty() ? NEWEST : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
