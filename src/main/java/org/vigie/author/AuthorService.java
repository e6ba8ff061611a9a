package org.vigie.author;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vigie.moderation.AuthorRecords;
import org.vigie.platform.Emails;
import org.vigie.platform.Times;
import org.vigie.rules.Submission;

/** Authors, known by email: their record, their bans, and what moderators set for them. */
@ApplicationScoped
public class AuthorService {

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorRecords records;

    @Inject
    Clock clock;

    /** Holds every comment of this author for a moderator, or stops doing so. */
    @Transactional
    public AuthorProfile setPremoderation(String email, boolean enabled, String moderator) {
        String address = Emails.normalize(email);
        // One statement, so that two moderators setting it at once cannot collide on the key.
        entityManager.createNativeQuery("""
                INSERT INTO author_setting (email, premoderated, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (email) DO UPDATE
                   SET premoderated = excluded.premoderated, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """)
                .setParameter(1, address)
                .setParameter(2, enabled)
                .setParameter(3, moderator)
                .setParameter(4, Times.now(clock))
                .executeUpdate();
        return profile(address);
    }

    /** What moderators know of an author. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorProfile profile(String email) {
        String address = Emails.normalize(email);
        Submission.AuthorFacts record = records.facts(address, null).record();
        List<BanView> bans = bans(address);
        // The active ban on the email, if any, is among them: facts' ban query and BanView.active agree.
        return new AuthorProfile(address, record.approved(), record.rejected(), record.pending(), record.premoderated(),
                bans.stream().anyMatch(BanView::active), bans);
    }

    /** Bans on this email, newest first, lifted and expired ones included. */
    List<BanView> bans(String address) {
        Instant now = clock.instant();
        return Ban.<Ban> list("email = ?1 ORDER BY createdAt DESC", address).stream()
                .map(ban -> BanView.of(ban, null, now)).toList();
    }

    /** Whether a moderator holds every comment of this author. */
    boolean premoderated(String address) {
        if (address == null) {
            return false;
        }
        AuthorSetting setting = AuthorSetting.findById(address);
        return setting != null && setting.premoderated;
    }
}
