package org.vigie.rules.lists;

import java.util.Locale;
import java.util.Optional;

/** How list entries are found in a text. */
public enum TextMode {
    /** Whole words, with their plural and feminine forms (s, x, e, es); entries of several words as phrases. */
    WORD,
    /** Whole words in sequence, exactly as listed (no plural or feminine forms). */
    PHRASE,
    /** Words that begin with an entry ("encul" finds enculé, enculer). */
    PREFIX,
    /** Entries anywhere inside words ("viagra" in "buyviagranow"). Can fire inside innocent words. */
    SUBSTRING;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TextMode> of(String keyword) {
        for (TextMode mode : values()) {
            if (mode.keyword().equals(keyword)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
