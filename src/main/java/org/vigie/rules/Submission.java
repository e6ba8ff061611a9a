package org.vigie.rules;

/**
 * What the moderation rules look at: the text as typed, who typed it and the settings of the article
 * it is posted on. It carries facts only, so rules run without HTTP or a database.
 */
public record Submission(Event event, String body, String authorName, ArticleFacts article) {

    /** When a submission is moderated. */
    public enum Event {
        CREATE,
        EDIT,
        REPORT
    }

    /** The article settings that rules may depend on. */
    public record ArticleFacts(String key, boolean open, boolean premoderated) {
    }
}
