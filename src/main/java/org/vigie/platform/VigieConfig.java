package org.vigie.platform;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Vigie's own settings, under the {@code vigie.} prefix (environment: {@code VIGIE_…}). */
@ConfigMapping(prefix = "vigie")
public interface VigieConfig {

    Comments comments();

    Moderation moderation();

    RateLimit rateLimit();

    Privacy privacy();

    Admin admin();

    Http http();

    Cache cache();

    Counters counters();

    Webhooks webhooks();

    interface Webhooks {
        /** How often each instance looks for events to deliver and deliveries that are due. */
        @WithDefault("0.5S")
        java.time.Duration pollEvery();

        /**
         * The waits between a failed attempt and the next, by attempt; the last one repeats. Each is
         * lengthened by up to a fifth, at random, so that the retries of many deliveries spread out.
         */
        @WithDefault("5S,30S,2M,10M,30M,1H,2H,4H")
        java.util.List<java.time.Duration> retryDelays();

        /** How long after its first attempt a delivery is tried again; the first failure after that is final. */
        @WithDefault("24H")
        java.time.Duration retryFor();

        /** How long to wait for a receiver's connection. */
        @WithDefault("2S")
        java.time.Duration connectTimeout();

        /** How long to wait for a receiver's whole answer. */
        @WithDefault("10S")
        java.time.Duration timeout();

        /** How often each instance reads again which events the endpoints subscribe to (the others' changes). */
        @WithDefault("5S")
        java.time.Duration refreshEvery();

        /** Deliveries one instance claims at a time, and posts at once. */
        @WithDefault("20")
        int batchSize();
    }

    interface Counters {
        /**
         * How often each instance folds the articles' count deltas and tells every instance which threads
         * changed: how soon another instance serves a change, at most.
         */
        @WithDefault("0.25S")
        java.time.Duration foldEvery();
    }

    interface Cache {
        /** Whether thread pages are kept in memory, as serialized bytes, between the changes that alter them. */
        @WithDefault("true")
        boolean enabled();

        /** Memory for the pages kept, counted as the bytes of their JSON. */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize maxSize();

        /** How long a CDN or a browser may keep a page without asking again ({@code Cache-Control: max-age}). */
        @WithDefault("5S")
        java.time.Duration maxAge();

        /** How long after that it may still serve the page while it asks ({@code stale-while-revalidate}). */
        @WithDefault("30S")
        java.time.Duration staleWhileRevalidate();
    }

    interface Http {
        /** Largest request body, but for rule sets. */
        @WithDefault("64K")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /** Largest rule set an admin may upload (inline word lists make them big). */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxRuleSetSize();

        /** Longest request target (path and query string); longer ones answer 414. */
        @WithDefault("8K")
        io.quarkus.runtime.configuration.MemorySize maxUriLength();

        /** Largest header section (names, values and separators); larger ones answer 431. */
        @WithDefault("16K")
        io.quarkus.runtime.configuration.MemorySize maxHeaderSize();
    }

    interface Comments {
        /** Longest comment body, in characters after trimming. */
        @WithDefault("5000")
        int maxBodyLength();

        /** Longest author name, in characters after trimming. */
        @WithDefault("80")
        int maxAuthorNameLength();

        /**
         * How long after posting its author may edit a comment, with the edit token the answer to the post
         * gave them. Each edit is moderated again.
         */
        @WithDefault("10M")
        java.time.Duration editWindow();
    }

    interface Moderation {
        /** Whether an article created by its first comment holds every comment for a moderator. */
        @WithDefault("false")
        boolean premoderateByDefault();
    }

    interface RateLimit {
        /** Comments and replies one client address may post in any 60 seconds, across all instances. */
        @WithDefault("20")
        int commentsPerMinute();

        /** Reports one client address may make in any 60 seconds, across all instances. */
        @WithDefault("10")
        int reportsPerMinute();

        /** Failed moderator logins one client address may make in any 60 seconds before it gets 429. */
        @WithDefault("10")
        int failedLoginsPerMinute();
    }

    interface Privacy {
        /**
         * Key of the HMAC-SHA256 that turns client addresses into the hashes Vigie stores. When unset, one
         * is generated on first start and kept in the database, so that every instance shares it.
         */
        Optional<String> ipHashSecret();
    }

    interface Admin {
        /** Password of the {@code admin} account created on first start ({@code VIGIE_ADMIN_PASSWORD}). */
        Optional<String> password();

        /**
         * The bcrypt cost of new moderator passwords: each step doubles the time a guess takes, and the time
         * every request with HTTP Basic takes to check its password.
         */
        @WithDefault("10")
        int bcryptCost();
    }
}
