package org.vigie.platform;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock of the service: every timestamp a rule, a decision or a statistic reads is taken from it,
 * in Java, never from PostgreSQL's {@code now()}. Tests replace it with a clock they can move.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
