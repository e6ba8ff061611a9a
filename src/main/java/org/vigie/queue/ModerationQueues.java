package org.vigie.queue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.audit.AuditLog;
import org.vigie.comment.Comment;
import org.vigie.comment.CommentNotFound;
import org.vigie.comment.CommentService;
import org.vigie.moderation.AuthorRecord;
import org.vigie.moderation.AuthorRecords;
import org.vigie.platform.Cursor;
import org.vigie.platform.Emails;
import org.vigie.platform.Rows;
import org.vigie.report.ReportService;

/**
 * The moderators' queues: what waits for them, searched and sorted, one page at a time, each item with
 * what they need to decide (the rules' evidence, the reports, the author's record).
 */
@ApplicationScoped
public class ModerationQueues {

    /** The queues. */
    public enum Queue {
        /** Held for a moderator. */
        PENDING("c.status = 'PENDING'"),
        /** Reported since a moderator last decided on it. */
        REPORTED("c.reported_at IS NOT NULL AND (c.moderated_at IS NULL OR c.reported_at > c.moderated_at)"),
        /** Visible, but flagged for review by a rule or by reports. */
        FLAGGED("c.status = 'VISIBLE' AND c.flagged"),
        REJECTED("c.status = 'REJECTED'"),
        /** Visible to readers. */
        APPROVED("c.status = 'VISIBLE'");

        final String condition;

        Queue(String condition) {
            this.condition = condition;
        }

        /** Reads a queue name; VISIBLE is another name for APPROVED. */
        public static Queue of(String name) {
            return "VISIBLE".equals(name) ? APPROVED : valueOf(name);
        }
    }

    /** How a queue is sorted. */
    public enum Sort {
        OLDEST("c.created_at", "ASC"),
        NEWEST("c.created_at", "DESC"),
        MOST_REPORTED("c.report_count", "DESC");

        final String key;
        final String direction;

        Sort(String key, String direction) {
            this.key = key;
            this.direction = direction;
        }

        public static Sort of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * What to list.
     *
     * @param text words to find in the comments' text, as {@link #searchWords} reads them; null for all
     */
    public record Filter(Queue queue, String articleKey, String text, Sort sort) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int MOST_SEARCH_WORDS = 20;

    /**
     * The words of a search: runs of letters and digits, at most {@value #MOST_SEARCH_WORDS}, so that no
     * character of the reader's text reaches PostgreSQL's query syntax. Empty when there is none.
     */
    public static Optional<String> searchWords(String text) {
        Matcher words = WORD.matcher(text);
        List<String> found = new ArrayList<>();
        while (words.find() && found.size() < MOST_SEARCH_WORDS) {
            found.add(words.group());
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", found));
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorRecords authors;

    @Inject
    ReportService reports;

    @Inject
    AuditLog audit;

    @Inject
    CommentService posted;

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage page(Filter filter, int limit, String cursorToken) {
        String ordering = filter.queue() + "-" + filter.sort();
        Cursor after = Cursor.decode(cursorToken, ordering);
        StringBuilder where = new StringBuilder(" WHERE ").append(filter.queue().condition);
        if (filter.articleKey() != null) {
            where.append(" AND a.article_key = :articleKey");
        }
        if (filter.text() != null) {
            where.append(" AND to_tsvector('french', c.body) @@ plainto_tsquery('french', :text)");
        }
        // The article's table only when it filters: counting a queue then reads nothing but an index.
        String from = " FROM comment c" + (filter.articleKey() == null ? "" : " JOIN article a ON a.id = c.article_id");
        String keyset = "";
        if (after != null) {
            String comparison = filter.sort().direction.equals("ASC") ? ">" : "<";
            keyset = " AND (" + filter.sort().key + ", c.id) " + comparison + " (:position, :id)";
        }
        Query page = entityManager.createNativeQuery("SELECT c.id, " + filter.sort().key + " AS position" + from + where
                + keyset + " ORDER BY " + filter.sort().key + " " + filter.sort().direction + ", c.id "
                + filter.sort().direction + " LIMIT :limit", Tuple.class);
        Query count = entityManager.createNativeQuery("SELECT count(*)" + from + where, Long.class);
        bind(page, filter);
        bind(count, filter);
        page.setParameter("limit", limit + 1);
        if (after != null) {
            if (filter.sort() == Sort.MOST_REPORTED && (after.position() < 0 || after.position() > Integer.MAX_VALUE)) {
                throw new Cursor.Invalid();
            }
            Object position = filter.sort() == Sort.MOST_REPORTED ? (Object) (int) after.position()
                    : OffsetDateTime.ofInstant(after.instant(), ZoneOffset.UTC);
            page.setParameter("position", position).setParameter("id", after.id());
        }
        boolean byReports = filter.sort() == Sort.MOST_REPORTED;
        List<Position> rows = Rows.list(page, row -> new Position(row.count("id"),
                byReports ? new Cursor(row.count("position"), row.count("id")) : Cursor.at(row.instant("position"), row.count("id"))));
        Cursor.Page<Position> cut = Cursor.page(rows, limit, ordering, Position::cursor);
        List<Long> ids = cut.items().stream().map(Position::id).toList();
        return new QueuePage((Long) count.getSingleResult(), items(ids), cut.nextCursor());
    }

    /** A comment's place in a sorted queue. */
    private record Position(long id, Cursor cursor) {
    }

    private static void bind(Query query, Filter filter) {
        if (filter.articleKey() != null) {
            query.setParameter("articleKey", filter.articleKey());
        }
        if (filter.text() != null) {
            query.setParameter("text", filter.text());
        }
    }

    /** Counts per queue, over every article or one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Queue, Long> counts(String articleKey) {
        // One count per queue, each on the index of its condition, rather than one pass over every comment.
        String ofArticle = articleKey == null ? "" : " AND c.article_id = (SELECT a.id FROM article a WHERE a.article_key = :articleKey)";
        StringBuilder sql = new StringBuilder("SELECT ");
        Queue[] queues = Queue.values();
        for (int i = 0; i < queues.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM comment c WHERE ").append(queues[i].condition)
                    .append(ofArticle).append(") AS ").append(queues[i].name());
        }
        Query query = entityManager.createNativeQuery(sql.toString(), Tuple.class);
        if (articleKey != null) {
            query.setParameter("articleKey", articleKey);
        }
        return Rows.single(query, row -> {
            Map<Queue, Long> counts = new LinkedHashMap<>();
            for (Queue queue : queues) {
                counts.put(queue, row.count(queue.name().toLowerCase(Locale.ROOT)));
            }
            return counts;
        });
    }

    /** Counts per queue for each article that has anything waiting (pending, reported or flagged). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleQueueCounts> countsByArticle(int limit) {
        return Rows.list(entityManager.createNativeQuery("SELECT a.article_key, a.title,"
                + " count(*) FILTER (WHERE " + Queue.PENDING.condition + ") AS pending,"
                + " count(*) FILTER (WHERE " + Queue.REPORTED.condition + ") AS reported,"
                + " count(*) FILTER (WHERE " + Queue.FLAGGED.condition + ") AS flagged"
                + " FROM comment c JOIN article a ON a.id = c.article_id"
                + " WHERE " + Queue.PENDING.condition + " OR (" + Queue.REPORTED.condition + ") OR (" + Queue.FLAGGED.condition
                + ") GROUP BY a.id ORDER BY count(*) DESC, a.article_key LIMIT :limit", Tuple.class)
                .setParameter("limit", limit), row -> new ArticleQueueCounts(row.string("article_key"), row.string("title"),
                        row.count("pending"), row.count("reported"), row.count("flagged")));
    }

    /** One comment with everything moderators may want: its reports, its full status history and its earlier texts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ModeratedComment detail(long id) {
        Map<Long, Listed> rows = comments(List.of(id));
        if (rows.isEmpty()) {
            throw new CommentNotFound(id);
        }
        List<ModeratedComment.ReportView> reportViews = reports.onComments(List.of(id)).getOrDefault(id, List.of()).stream()
                .map(r -> new ModeratedComment.ReportView(r.reason(), r.details(), r.createdAt(), r.reporter())).toList();
        Comment comment = rows.get(id).comment();
        return new ModeratedComment(items(List.of(id), rows).get(0), comment.ipHash, reportViews, audit.history(id),
                comment.editCount, comment.editedAt, comment.editCount == 0 ? List.of() : posted.earlierVersions(id));
    }

    /** A comment with its article's key and title. */
    private record Listed(Comment comment, String articleKey, String articleTitle) {
    }

    /** The comments with these ids, each with its article's key and title, by id. */
    private Map<Long, Listed> comments(List<Long> ids) {
        Map<Long, Listed> rows = new HashMap<>();
        entityManager.createQuery("SELECT c AS comment, a.key AS articleKey, a.title AS articleTitle"
                + " FROM Comment c JOIN Article a ON a.id = c.articleId WHERE c.id IN :ids", Tuple.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(row -> new Listed(row.get("comment", Comment.class), row.get("articleKey", String.class),
                        row.get("articleTitle", String.class)))
                .forEach(row -> rows.put(row.comment().id, row));
        return rows;
    }

    private List<QueueItem> items(List<Long> ids) {
        return ids.isEmpty() ? List.of() : items(ids, comments(ids));
    }

    /** Items for these ids, in this order, loaded in a fixed number of queries whatever their number. */
    private List<QueueItem> items(List<Long> ids, Map<Long, Listed> rows) {
        Map<Long, Map<String, Integer>> reasons = new HashMap<>();
        Rows.forEach(entityManager.createNativeQuery(
                "SELECT comment_id, reason, count(DISTINCT ip_hash) AS reporters FROM report WHERE comment_id IN (:ids)"
                        + " GROUP BY comment_id, reason", Tuple.class)
                .setParameter("ids", ids), row -> reasons.computeIfAbsent(row.count("comment_id"), k -> new LinkedHashMap<>())
                        .put(row.string("reason"), row.integer("reporters")));
        Map<String, AuthorRecord> histories = authors.records(rows.values().stream()
                .map(row -> row.comment().authorEmail).filter(Objects::nonNull).toList());

        List<QueueItem> items = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Listed row = rows.get(id);
            if (row == null) {
                continue;
            }
            Comment c = row.comment();
            boolean reportedSinceApproval = c.approvedByModerator && c.reportedAt != null
                    && (c.moderatedAt == null || c.reportedAt.isAfter(c.moderatedAt));
            QueueItem.Reports reports = new QueueItem.Reports(c.reportCount, reasons.getOrDefault(id, Map.of()),
                    c.reportedAt, reportedSinceApproval);
            items.add(new QueueItem(c.id, row.articleKey(), row.articleTitle(), c.parentId, c.inReplyTo, c.authorName,
                    c.authorEmail, c.ipHash == null ? null : c.ipHash.substring(0, Math.min(8, c.ipHash.length())), c.body,
                    c.status, c.flagged, c.matches, c.ruleSetVersion, reports,
                    c.authorEmail == null ? null : histories.get(Emails.normalize(c.authorEmail)),
                    c.createdAt, c.version));
        }
        return items;
    }
}
