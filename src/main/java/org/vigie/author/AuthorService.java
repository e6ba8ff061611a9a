package org.vigie.author;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.rules.Submission;

/** Authors, known by email: their record, their bans, and what moderators set for them. */
@ApplicationScoped
public class AuthorService {

    @Inject
    EntityManager entityManager;

    /**
     * The author's record (comments approved, rejected, pending), whether a moderator premoderates them,
     * and the active ban on their email or address, if any. Either may be unknown (null).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorFacts facts(String email, String ipHash) {
        String address = normalize(email);
        long approved = 0;
        long rejected = 0;
        long pending = 0;
        boolean premoderated = false;
        if (address != null) {
            Object[] counts = (Object[]) entityManager.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE status = 'VISIBLE'),
                           count(*) FILTER (WHERE status = 'REJECTED'),
                           count(*) FILTER (WHERE status = 'PENDING')
                      FROM comment WHERE lower(author_email) = ?1
                    """).setParameter(1, address).getSingleResult();
            approved = ((Number) counts[0]).longValue();
            rejected = ((Number) counts[1]).longValue();
            pending = ((Number) counts[2]).longValue();
            AuthorSetting setting = AuthorSetting.findById(address);
            premoderated = setting != null && setting.premoderated;
        }
        Optional<Ban> ban = activeBan(address, ipHash);
        return new AuthorFacts(new Submission.AuthorFacts(approved, rejected, pending, ban.isPresent(), premoderated), ban);
    }

    /** The first active ban on this email or address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Ban> activeBan(String email, String ipHash) {
        if (email == null && ipHash == null) {
            return Optional.empty();
        }
        return entityManager.createQuery("SELECT b FROM Ban b WHERE b.liftedAt IS NULL"
                + " AND (b.until IS NULL OR b.until > :now) AND (b.email = :email OR b.ipHash = :ipHash)"
                + " ORDER BY b.createdAt", Ban.class)
                .setParameter("now", Instant.now())
                .setParameter("email", email == null ? "" : email)
                .setParameter("ipHash", ipHash == null ? "" : ipHash)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
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
        AuthorFacts facts = facts(address, null);
        List<BanView> bans = Ban.<Ban> list("email = ?1 ORDER BY createdAt DESC", address).stream()
                .map(BanView::of).toList();
        return new AuthorProfile(address, facts.record().approved(), facts.record().rejected(), facts.record().pending(),
                facts.record().premoderated(), facts.ban().isPresent(), bans);
    }

    static String normalize(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
