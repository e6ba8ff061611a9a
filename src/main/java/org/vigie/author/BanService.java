package org.vigie.author;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.vigie.comment.Comment;
import org.vigie.comment.CommentModeration;
import org.vigie.comment.StatusChange;
import org.vigie.platform.DomainException;
import org.vigie.platform.Emails;
import org.vigie.platform.Times;
import org.vigie.rules.ModerationStatus;
import org.vigie.webhook.WebhookData;
import org.vigie.webhook.WebhookEventType;
import org.vigie.webhook.WebhookOutbox;

/** Bans and suspensions: made, listed, lifted. */
@ApplicationScoped
public class BanService {

    @Inject
    CommentModeration comments;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    /**
     * Bans an author. With {@code rejectExisting}, their comments still visible or pending are rejected in
     * the same transaction, each with an entry in the audit trail.
     */
    @Transactional
    public BanView ban(NewBan request, String moderator) {
        Ban ban = new Ban();
        ban.email = Emails.normalize(request.email());
        ban.ipHash = request.ipHash() == null || request.ipHash().isBlank() ? null : request.ipHash();
        ban.reason = request.reason().strip();
        ban.until = request.until() == null ? null : request.until().truncatedTo(ChronoUnit.MICROS);
        ban.createdAt = Times.now(clock);
        ban.createdBy = moderator;
        ban.persist();
        Integer rejected = null;
        if (Boolean.TRUE.equals(request.rejectExisting())) {
            rejected = rejectExisting(ban, moderator);
        }
        Integer rejectedComments = rejected;
        webhooks.record(WebhookEventType.AUTHOR_BANNED, () -> event(ban, rejectedComments));
        return BanView.of(ban, rejected, clock.instant());
    }

    /**
     * Rejects the banned author's visible and pending comments, each change in the audit trail, as a
     * moderator's rejection would. Their rows and the comments they reply to are locked first.
     */
    private int rejectExisting(Ban ban, String moderator) {
        List<Comment> targets = comments.lockNotRejectedBy(ban.email, ban.ipHash);
        for (Comment comment : targets) {
            comments.change(comment, StatusChange.byModerator(ModerationStatus.REJECTED, moderator, "BAN",
                    "Banni : " + ban.reason, null, "Rejeté par " + moderator + " : banni (" + ban.reason + ")"));
        }
        return targets.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BanView> list(boolean activeOnly) {
        List<Ban> bans = activeOnly
                ? Ban.list("liftedAt IS NULL AND (until IS NULL OR until > ?1) ORDER BY createdAt DESC", clock.instant())
                : Ban.list("ORDER BY createdAt DESC");
        Instant now = clock.instant();
        return bans.stream().map(ban -> BanView.of(ban, null, now)).toList();
    }

    /** Lifts a ban; lifting it again changes nothing. */
    @Transactional
    public void lift(long id, String moderator) {
        Ban ban = Ban.findById(id);
        if (ban == null) {
            throw new BanNotFound(id);
        }
        if (ban.liftedAt == null) {
            ban.liftedAt = Times.now(clock);
            ban.liftedBy = moderator;
            webhooks.record(WebhookEventType.AUTHOR_UNBANNED, () -> event(ban, null));
        }
    }

    /** What the webhooks learn of a ban: never the email or the address hash it is on. */
    private static WebhookData.BanEvent event(Ban ban, Integer rejected) {
        return new WebhookData.BanEvent(ban.id, ban.reason, ban.until, ban.createdBy, ban.createdAt, ban.liftedBy, ban.liftedAt,
                rejected);
    }

    /** No ban has this id. */
    public static class BanNotFound extends DomainException {
        BanNotFound(long id) {
            super(404, "ban-not-found", "Ban not found", "No ban has the id " + id + ".");
        }
    }
}
