package org.vigie.moderation;

import java.time.Instant;
import java.util.Optional;

import org.vigie.rules.Submission;

/**
 * What Vigie knows of an author when they post: their record for the rules, and the ban that stops them,
 * if any.
 */
public record AuthorFacts(Submission.AuthorFacts record, Optional<ActiveBan> ban) {

    /** A ban in force on the author's email or address; {@code until} is null for a ban until lifted. */
    public record ActiveBan(long id, String reason, Instant until) {
    }
}
