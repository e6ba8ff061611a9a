package org.vigie.author;

import java.util.Optional;

import org.vigie.rules.Submission;

/** What Vigie knows of an author when they post: their record for the rules, and the ban that stops them, if any. */
public record AuthorFacts(Submission.AuthorFacts record, Optional<Ban> ban) {
}
