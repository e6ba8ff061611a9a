package org.vigie.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the rules look at: the text as typed, who typed it, the article it is posted on, and facts
 * from the author's history that the service loaded beforehand. It carries facts only, so the engine
 * runs without HTTP or a database.
 */
public record Submission(
        Event event,
        Instant at,
        String body,
        String authorName,
        ArticleFacts article,
        AuthorFacts author,
        History history,
        ReportFacts reports) {

    /** When a submission is moderated: a rule runs only on the events it names. */
    public enum Event {
        CREATE,
        EDIT,
        REPORT
    }

    /** The article settings that rules may depend on. */
    public record ArticleFacts(String key, boolean open, boolean premoderated, Instant createdAt) {
    }

    /**
     * The author's record, by email: their comments approved (visible), rejected and pending, and
     * what moderators decided about them.
     */
    public record AuthorFacts(long approved, long rejected, long pending, boolean banned, boolean premoderated) {
        public static final AuthorFacts UNKNOWN = new AuthorFacts(0, 0, 0, false, false);
    }

    /**
     * A count the service answers from the database: comments with the same text, or all comments, from
     * the same address, email or article within a window before this one.
     */
    public record HistoryQuery(Kind kind, Scope scope, Duration window) {
        public enum Kind {
            SAME_TEXT,
            COMMENTS
        }

        public enum Scope {
            IP,
            EMAIL,
            ARTICLE
        }
    }

    /** The answers to the history queries a rule set needs; a query not answered counts 0. */
    public record History(Map<HistoryQuery, Long> counts) {
        public static final History NONE = new History(Map.of());

        public long count(HistoryQuery query) {
            return counts.getOrDefault(query, 0L);
        }
    }

    /** Reports on the item: distinct reporters, and reporters per reason. */
    public record ReportFacts(int reporters, Map<String, Integer> reasons) {
        public static final ReportFacts NONE = new ReportFacts(0, Map.of());
    }

    /**
     * A new comment with nothing known about its author or history, posted at {@code at} on an article
     * created then: for rule set tests and benchmarks.
     */
    public static Submission comment(String body, Instant at) {
        return new Submission(Event.CREATE, at, body, "", new ArticleFacts("", true, false, at), AuthorFacts.UNKNOWN,
                History.NONE, ReportFacts.NONE);
    }

    /** {@link #comment(String, Instant)} at a fixed time: for texts whose verdict does not depend on time. */
    public static Submission comment(String body) {
        return comment(body, Instant.EPOCH);
    }

    public Submission withAuthorName(String name) {
        return new Submission(event, at, body, name, article, author, history, reports);
    }

    public Submission withEvent(Event newEvent) {
        return new Submission(newEvent, at, body, authorName, article, author, history, reports);
    }

    public Submission withArticle(ArticleFacts newArticle) {
        return new Submission(event, at, body, authorName, newArticle, author, history, reports);
    }

    public Submission withAuthor(AuthorFacts newAuthor) {
        return new Submission(event, at, body, authorName, article, newAuthor, history, reports);
    }

    public Submission withHistory(History newHistory) {
        return new Submission(event, at, body, authorName, article, author, newHistory, reports);
    }

    public Submission withReports(ReportFacts newReports) {
        return new Submission(event, at, body, authorName, article, author, history, newReports);
    }
}
