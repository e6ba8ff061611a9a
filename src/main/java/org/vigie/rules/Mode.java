package org.vigie.rules;

import java.util.Locale;

/** Whether a rule acts, or only records what it would have done. */
public enum Mode {
    ENFORCE,
    SHADOW;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
