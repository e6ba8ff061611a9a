package org.vigie.author;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.platform.Times;
import org.vigie.rules.Submission;

/** Authors, known by email: their record, their bans, and what moderators set for them. */
@ApplicationScoped
public class AuthorService {

    @Inject
    EntityManager entityManager;

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

    /**
     * The author's record (comments approved, rejected, pending), whether a moderator premoderates them,
     * and the active ban on their email or address, if any. Either may be unknown (null).
     * One statement: it runs on every comment posted and every report.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorFacts facts(String email, String ipHash) {
        String address = normalize(email);
        // No stored email, setting or ban has an empty email or address: "" stands for unknown.
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT r.approved, r.rejected, r.pending,"
                + " coalesce((SELECT s.premoderated FROM author_setting s WHERE s.email = ?1), false),"
                + " b.id, b.email, b.ip_hash, b.reason, b.until, b.created_by, b.created_at"
                + " FROM (SELECT " + RECORD_COUNTS + " FROM comment c WHERE " + AUTHOR + " = ?1) r"
                + " LEFT JOIN (SELECT * FROM ban WHERE lifted_at IS NULL AND (until IS NULL OR until > ?3)"
                + "              AND (email = ?1 OR ip_hash = ?2)"
                + "            ORDER BY created_at LIMIT 1) b ON true")
                .setParameter(1, address == null ? "" : address)
                .setParameter(2, ipHash == null ? "" : ipHash)
                .setParameter(3, Instant.now())
                .getSingleResult();
        Optional<Ban> ban = Optional.empty();
        if (row[4] != null) {
            // A copy, not attached to the session: callers read it.
            Ban active = new Ban();
            active.id = ((Number) row[4]).longValue();
            active.email = (String) row[5];
            active.ipHash = (String) row[6];
            active.reason = (String) row[7];
            active.until = row[8] == null ? null : Times.instant(row[8]);
            active.createdBy = (String) row[9];
            active.createdAt = Times.instant(row[10]);
            ban = Optional.of(active);
        }
        return new AuthorFacts(new Submission.AuthorFacts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ban.isPresent(), (Boolean) row[3]), ban);
    }

    /**
     * The records of several authors at once, keyed by lower-cased email, counted as {@link #facts} counts
     * them; an email without comments has no entry.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, AuthorRecord> records(Collection<String> emails) {
        List<String> addresses = emails.stream().map(AuthorService::normalize).filter(Objects::nonNull).distinct().toList();
        if (addresses.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + AUTHOR + ", " + RECORD_COUNTS
                + " FROM comment c WHERE " + AUTHOR + " IN (:emails) GROUP BY 1")
                .setParameter("emails", addresses)
                .getResultList();
        Map<String, AuthorRecord> records = new HashMap<>();
        rows.forEach(row -> records.put((String) row[0], new AuthorRecord(((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())));
        return records;
    }

    /** Holds every comment of this author for a moderator, or stops doing so. */
    @Transactional
    public AuthorProfile setPremoderation(String email, boolean enabled, String moderator) {
        String address = normalize(email);
        // One statement, so that two moderators setting it at once cannot collide on the key.
        entityManager.createNativeQuery("""
                INSERT INTO author_setting (email, premoderated, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (email) DO UPDATE
                   SET premoderated = excluded.premoderated, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """)
                .setParameter(1, address)
                .setParameter(2, enabled)
                .setParameter(3, moderator)
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        return profile(address);
    }

    /** What moderators know of an author. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorProfile profile(String email) {
        String address = normalize(email);
        Submission.AuthorFacts record = facts(address, null).record();
        List<BanView> bans = bans(address);
        // The active ban on the email, if any, is among them: facts' ban query and BanView.active agree.
        return new AuthorProfile(address, record.approved(), record.rejected(), record.pending(), record.premoderated(),
                bans.stream().anyMatch(BanView::active), bans);
    }

    /** Bans on this email, newest first, lifted and expired ones included. */
    List<BanView> bans(String address) {
        return Ban.<Ban> list("email = ?1 ORDER BY createdAt DESC", address).stream().map(BanView::of).toList();
    }

    /** Whether a moderator holds every comment of this author. */
    boolean premoderated(String address) {
        if (address == null) {
            return false;
        }
        AuthorSetting setting = AuthorSetting.findById(address);
        return setting != null && setting.premoderated;
    }

    static String normalize(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
