package org.vigie.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;


/**
 * A keyset position: the creation time and id of the last item a page returned. Pages continue after
 * it, so items arriving meanwhile neither repeat nor shift what comes next. The token is opaque to
 * clients and bound to the ordering it was made for.
 */
public record Cursor(Instant createdAt, long id) {

    public String encode(String ordering) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = ordering + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token made by {@link #encode}; {@code null} or empty means "from the start". */
    public static Cursor decode(String token, String ordering) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(ordering)) {
                throw new Invalid();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Cursor(createdAt, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new Invalid();
        }
    }

    /** The cursor was not made by this API, or for another ordering. */
    public static class Invalid extends DomainException {
        public Invalid() {
            super(400, "invalid-cursor", "Invalid cursor",
                    "The cursor is not one this API returned for this ordering; start again without it.", "cursor");
        }
    }
}
