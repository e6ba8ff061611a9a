package org.vigie.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.platform.Emails;
import org.vigie.platform.Rows;
import org.vigie.platform.SqlStatement;
import org.vigie.rules.Submission;

/**
 * Authors' records as the rules and the moderators read them: comments approved, rejected and pending
 * by email, premoderation, and the ban in force. Read here; written by {@code author/}.
 */
@ApplicationScoped
public class AuthorRecords {

    /**
     * An author's record, counted over {@code comment c}: the one definition {@link #facts} and
     * {@link #records} share. Select it from {@code comment c} filtered on {@link #AUTHOR}.
     */
    private static final String RECORD_COUNTS = """
            count(*) FILTER (WHERE c.status = 'VISIBLE') AS approved,
            count(*) FILTER (WHERE c.status = 'REJECTED') AS rejected,
            count(*) FILTER (WHERE c.status = 'PENDING') AS pending""";

    /** The key comments are counted under: their author's email, lower-cased. */
    private static final String AUTHOR = "lower(c.author_email)";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * The author's record (comments approved, rejected, pending), whether a moderator premoderates them,
     * and the active ban on their email or address, if any. Either may be unknown (null).
     * One statement: it runs on every comment posted and every report.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorFacts facts(String email, String ipHash) {
        return bindFacts(SqlStatement.of(FACTS), email, ipHash).single(entityManager, AuthorRecords::facts);
    }

    /**
     * The statement of {@link #facts}, one row, with the named parameters {@link #bindFacts} sets: another
     * statement may join it, to learn the facts in the same round trip.
     */
    static final String FACTS = "SELECT r.approved, r.rejected, r.pending,"
            + " coalesce((SELECT s.premoderated FROM author_setting s WHERE s.email = :factsEmail), false) AS premoderated,"
            + " b.id AS ban_id, b.reason AS ban_reason, b.until AS ban_until"
            + " FROM (SELECT " + RECORD_COUNTS + " FROM comment c WHERE " + AUTHOR + " = :factsEmail AND c.id <> :factsLeftOut) r"
            + " LEFT JOIN (SELECT * FROM ban WHERE lifted_at IS NULL AND (until IS NULL OR until > :factsNow)"
            + "              AND (email = :factsEmail OR ip_hash = :factsIp)"
            + "            ORDER BY created_at, id LIMIT 1) b ON true";

    SqlStatement bindFacts(SqlStatement statement, String email, String ipHash) {
        return bindFacts(statement, email, ipHash, null);
    }

    /** As {@link #bindFacts(SqlStatement, String, String)}, leaving one comment out of the record (one being edited). */
    SqlStatement bindFacts(SqlStatement statement, String email, String ipHash, Long leftOut) {
        String address = Emails.normalize(email);
        // No stored email, setting or ban has an empty email or address: "" stands for unknown; no comment has id 0.
        return statement.set("factsEmail", address == null ? "" : address)
                .set("factsIp", ipHash == null ? "" : ipHash)
                .set("factsNow", clock.instant())
                .set("factsLeftOut", leftOut == null ? 0L : leftOut);
    }

    /** The facts from a row of {@link #FACTS}. */
    static AuthorFacts facts(Rows.Row row) {
        Optional<AuthorFacts.ActiveBan> ban = row.nullableLong("ban_id") == null ? Optional.empty()
                : Optional.of(new AuthorFacts.ActiveBan(row.count("ban_id"), row.string("ban_reason"), row.instant("ban_until")));
        return new AuthorFacts(new Submission.AuthorFacts(row.count("approved"), row.count("rejected"), row.count("pending"),
                ban.isPresent(), row.bool("premoderated")), ban);
    }

    /**
     * The records of several authors at once, keyed by lower-cased email, counted as {@link #facts} counts
     * them; an email without comments has no entry.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, AuthorRecord> records(Collection<String> emails) {
        List<String> addresses = emails.stream().map(Emails::normalize).filter(Objects::nonNull).distinct().toList();
        if (addresses.isEmpty()) {
            return Map.of();
        }
        return Rows.list(entityManager.createNativeQuery("SELECT " + AUTHOR + " AS email, " + RECORD_COUNTS
                + " FROM comment c WHERE " + AUTHOR + " IN (:emails) GROUP BY 1", Tuple.class)
                .setParameter("emails", addresses), row -> Map.entry(row.string("email"),
                        new AuthorRecord(row.count("approved"), row.count("rejected"), row.count("pending"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
