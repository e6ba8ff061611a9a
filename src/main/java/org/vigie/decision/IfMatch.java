package org.vigie.decision;

/** Reads a comment version from an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}. */
final class IfMatch {

    private IfMatch() {
    }

    static Integer version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidIfMatch();
        }
    }

    /** An If-Match that names no version of ours. */
    static class InvalidIfMatch extends org.vigie.platform.DomainException {
        InvalidIfMatch() {
            super(400, "invalid-if-match", "Invalid If-Match", "If-Match must be the comment's version, such as \"3\".",
                    "If-Match");
        }
    }
}
