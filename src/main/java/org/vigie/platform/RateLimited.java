package org.vigie.platform;

import java.util.Map;

/** The client made too many writes, or too many failed logins; it may try again after {@code Retry-After}. */
public class RateLimited extends DomainException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
        this("requests", retryAfterSeconds);
    }

    /** @param what what the client sent too many of, as the detail names it: "requests", "failed logins" */
    public RateLimited(String what, long retryAfterSeconds) {
        super(429, "rate-limited", "Too many requests",
                "Too many " + what + " from your address; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
