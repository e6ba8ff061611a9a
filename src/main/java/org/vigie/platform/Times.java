package org.vigie.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Times as PostgreSQL stores them. */
public final class Times {

    /** The years PostgreSQL's timestamps and Java's instants both hold. */
    public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private Times() {
    }

    /** The clock's time at the precision PostgreSQL keeps, so a value reads back equal to what was written. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static boolean storable(Instant time) {
        return !time.isBefore(FIRST) && !time.isAfter(LAST);
    }

    /** A timestamp column as a native query returns it. */
    public static Instant instant(Object value) {
        return value instanceof Instant instant ? instant
                : value instanceof OffsetDateTime time ? time.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
