package org.vigie.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook endpoint may subscribe to, by the names the API and the payloads use. */
public enum WebhookEventType {

    /** A comment or reply was posted, whatever status the rules gave it. */
    COMMENT_CREATED("comment.created"),
    /** A comment's status changed: by a rule on reports, a moderator's decision, a ban, or its author's edit. */
    COMMENT_STATUS_CHANGED("comment.status_changed"),
    /** A reader reported a comment (a repeat by the same reader is not a new report). */
    REPORT_CREATED("report.created"),
    AUTHOR_BANNED("author.banned"),
    AUTHOR_UNBANNED("author.unbanned"),
    /** A moderator created or changed an article's settings. */
    ARTICLE_SETTINGS_CHANGED("article.settings_changed");

    /** Every name, as the validation of a subscription accepts them. */
    public static final String NAMES = "comment\\.created|comment\\.status_changed|report\\.created|author\\.banned"
            + "|author\\.unbanned|article\\.settings_changed";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
