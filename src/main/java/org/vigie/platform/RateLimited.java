package org.vigie.platform;

import java.util.Map;


/** The client made too many writes; it may try again after {@link #retryAfterSeconds()}. */
public class RateLimited extends DomainException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
        super(429, "rate-limited", "Too many requests",
                "Too many requests from your address; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
