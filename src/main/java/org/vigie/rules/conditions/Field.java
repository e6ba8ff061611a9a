package org.vigie.rules.conditions;

import java.util.Optional;

/** The text fields of a submission that conditions read. */
public enum Field {
    BODY("body"),
    AUTHOR_NAME("authorName");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** The field's name in rule sets, queue items and evidence. */
    public String key() {
        return key;
    }

    public static Optional<Field> of(String key) {
        for (Field field : values()) {
            if (field.key.equals(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
