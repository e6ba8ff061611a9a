package org.vigie.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.vigie.rules.ModerationStatus;

/**
 * The {@code data} of the events, one record per shape. Only what readers may see of a comment, and who
 * moderated: never an email, an address or its hash, nor what readers wrote in their reports.
 */
public final class WebhookData {

    private WebhookData() {
    }

    /** A comment's public fields. */
    public record CommentData(long id, String articleKey, Long parentId, String authorName, String body,
            ModerationStatus status, Instant createdAt) {
    }

    /** Who changed a comment's status, from what to what, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(ModerationStatus from, ModerationStatus to, ActorKind actorKind, String moderator, String ruleId,
            Integer ruleSetVersion, String action, String reason) {
    }

    /** Who makes a change. */
    public enum ActorKind {
        /** The rules, on a new comment. */
        RULE,
        /** The rules that run on readers' reports. */
        REPORTS,
        /** A moderator: a decision or a ban. */
        MODERATOR,
        /** The comment's author, by editing it; the rule that judged the new text is the change's ruleId. */
        AUTHOR
    }

    /** comment.created and comment.status_changed. */
    public record CommentEvent(CommentData comment, Change change) {
    }

    /** report.created: the reason given, and how many readers have reported the comment so far. */
    public record ReportEvent(long commentId, String articleKey, String reason, int reporters, Instant createdAt) {
    }

    /** author.banned and author.unbanned: the ban, without the email or address hash it is on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BanEvent(long id, String reason, Instant until, String createdBy, Instant createdAt, String liftedBy,
            Instant liftedAt, Integer rejectedComments) {
    }

    /** article.settings_changed: the settings after the change. */
    public record ArticleEvent(String articleKey, String title, String url, boolean open, boolean premoderated,
            boolean created) {
    }
}
