package org.vigie.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A keyset position: the sort key (a time, in microseconds, or a count) and the id of the last item a
 * page returned. Pages continue after it, so items arriving meanwhile neither repeat nor shift what comes
 * next. The token is opaque to clients and bound to the ordering it was made for.
 */
public record Cursor(long position, long id) {

    static final long FIRST_MICROS = Times.FIRST.getEpochSecond() * 1_000_000L;
    static final long LAST_MICROS = Times.LAST.getEpochSecond() * 1_000_000L;

    /** A position in an ordering by time. */
    public static Cursor at(Instant time, long id) {
        return new Cursor(ChronoUnit.MICROS.between(Instant.EPOCH, time), id);
    }

    /** The position as a time, for orderings by time. */
    public Instant instant() {
        return Instant.EPOCH.plus(position, ChronoUnit.MICROS);
    }

    public String encode(String ordering) {
        String plain = ordering + ":" + position + ":" + id;
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
            Cursor cursor = new Cursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            // Positions are times between the years 1 and 9999 (what PostgreSQL stores), or counts.
            if (cursor.position() < FIRST_MICROS || cursor.position() > LAST_MICROS || cursor.id() < 0) {
                throw new Invalid();
            }
            return cursor;
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new Invalid();
        }
    }

    /** One page of items, and the cursor that continues after it when more follow. */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * Cuts a page from {@code rows}, fetched with one row more than {@code limit} to tell whether more
     * follow; the cursor continues after the page's last row.
     */
    public static <T> Page<T> page(List<T> rows, int limit, String ordering, Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, position.apply(items.get(limit - 1)).encode(ordering));
    }

    /** The cursor was not made by this API, or for another ordering. */
    public static class Invalid extends DomainException {
        public Invalid() {
            super(400, "invalid-cursor", "Invalid cursor",
                    "The cursor is not one this API returned for this ordering; start again without it.", "cursor");
        }
    }
}
