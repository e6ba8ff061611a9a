package org.vigie.moderation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.vigie.author.AuthorRecord;
import org.vigie.author.AuthorService;
import org.vigie.comment.Comment;
import org.vigie.comment.CommentNotFound;
import org.vigie.platform.Cursor;
import org.vigie.platform.Times;
import org.vigie.rules.ModerationStatus;

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

    /** What to list. */
    public record Filter(Queue queue, String articleKey, String text, Sort sort) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorService authors;

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage page(Filter filter, int limit, String cursorToken) {
        String ordering = filter.queue() + "-" + filter.sort();
        Cursor after = Cursor.decode(cursorToken, ordering);
        StringBuilder where = new StringBuilder(" WHERE ").append(filter.queue().condition);
        if (filter.articleKey() != null) {
            where.append(" AND a.article_key = :articleKey");
        }
        if (filter.text() != null) {
            where.append(" AND to_tsvector('french', c.body) @@ websearch_to_tsquery('french', :text)");
        }
        String from = " FROM comment c JOIN article a ON a.id = c.article_id";
        String keyset = "";
        if (after != null) {
            String comparison = filter.sort().direction.equals("ASC") ? ">" : "<";
            keyset = " AND (" + filter.sort().key + ", c.id) " + comparison + " (:position, :id)";
        }
        Query page = entityManager.createNativeQuery("SELECT c.id, " + filter.sort().key + from + where + keyset
                + " ORDER BY " + filter.sort().key + " " + filter.sort().direction + ", c.id " + filter.sort().direction
                + " LIMIT :limit");
        Query count = entityManager.createNativeQuery("SELECT count(*)" + from + where);
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        Cursor.Page<Object[]> cut = Cursor.page(rows, limit, ordering, last -> {
            long id = ((Number) last[0]).longValue();
            return last[1] instanceof Number reports ? new Cursor(reports.longValue(), id)
                    : Cursor.at(Times.instant(last[1]), id);
        });
        List<Long> ids = cut.items().stream().map(row -> ((Number) row[0]).longValue()).toList();
        return new QueuePage(((Number) count.getSingleResult()).longValue(), items(ids), cut.nextCursor());
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
        StringBuilder sql = new StringBuilder("SELECT ");
        Queue[] queues = Queue.values();
        for (int i = 0; i < queues.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(queues[i].condition).append(')');
        }
        sql.append(" FROM comment c JOIN article a ON a.id = c.article_id");
        if (articleKey != null) {
            sql.append(" WHERE a.article_key = :articleKey");
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        if (articleKey != null) {
            query.setParameter("articleKey", articleKey);
        }
        Object[] row = (Object[]) query.getSingleResult();
        Map<Queue, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < queues.length; i++) {
            counts.put(queues[i], ((Number) row[i]).longValue());
        }
        return counts;
    }

    /** Counts per queue for each article that has anything waiting (pending, reported or flagged). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleQueueCounts> countsByArticle(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT a.article_key, a.title,"
                + " count(*) FILTER (WHERE " + Queue.PENDING.condition + "),"
                + " count(*) FILTER (WHERE " + Queue.REPORTED.condition + "),"
                + " count(*) FILTER (WHERE " + Queue.FLAGGED.condition + ")"
                + " FROM comment c JOIN article a ON a.id = c.article_id"
                + " WHERE " + Queue.PENDING.condition + " OR (" + Queue.REPORTED.condition + ") OR (" + Queue.FLAGGED.condition
                + ") GROUP BY a.id ORDER BY count(*) DESC, a.article_key LIMIT :limit")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new ArticleQueueCounts((String) row[0], (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue())).toList();
    }

    /** One comment with everything moderators may want: its reports and its full status history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ModeratedComment detail(long id) {
        Map<Long, Object[]> rows = comments(List.of(id));
        if (rows.isEmpty()) {
            throw new CommentNotFound(id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> reports = entityManager.createNativeQuery("SELECT reason, details, created_at, left(reporter, 11)"
                + " FROM report WHERE comment_id = ?1 ORDER BY created_at, id")
                .setParameter(1, id).getResultList();
        List<ModeratedComment.ReportView> reportViews = reports.stream().map(row -> new ModeratedComment.ReportView(
                (String) row[0], (String) row[1], Times.instant(row[2]), (String) row[3])).toList();
        List<ModeratedComment.HistoryEntry> history = AuditEntry.<AuditEntry> list("commentId = ?1 ORDER BY createdAt, id", id)
                .stream().map(ModeratedComment.HistoryEntry::of).toList();
        String ipHash = ((Comment) rows.get(id)[0]).ipHash;
        return new ModeratedComment(items(List.of(id), rows).get(0), ipHash, reportViews, history);
    }

    /** The comments with these ids, each with its article's key and title, by id. */
    private Map<Long, Object[]> comments(List<Long> ids) {
        Map<Long, Object[]> rows = new HashMap<>();
        entityManager.createQuery("SELECT c, a.key, a.title FROM Comment c JOIN Article a ON a.id = c.articleId"
                + " WHERE c.id IN :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(row -> rows.put(((Comment) row[0]).id, row));
        return rows;
    }

    private List<QueueItem> items(List<Long> ids) {
        return ids.isEmpty() ? List.of() : items(ids, comments(ids));
    }

    /** Items for these ids, in this order, loaded in a fixed number of queries whatever their number. */
    private List<QueueItem> items(List<Long> ids, Map<Long, Object[]> rows) {
        Map<Long, Map<String, Integer>> reasons = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> reasonRows = entityManager.createNativeQuery(
                "SELECT comment_id, reason, count(DISTINCT ip_hash) FROM report WHERE comment_id IN (:ids)"
                        + " GROUP BY comment_id, reason")
                .setParameter("ids", ids).getResultList();
        reasonRows.forEach(row -> reasons.computeIfAbsent(((Number) row[0]).longValue(), k -> new LinkedHashMap<>())
                .put((String) row[1], ((Number) row[2]).intValue()));
        Map<String, AuthorRecord> histories = authors.records(rows.values().stream()
                .map(row -> ((Comment) row[0]).authorEmail).filter(Objects::nonNull).toList());

        List<QueueItem> items = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Object[] row = rows.get(id);
            if (row == null) {
                continue;
            }
            Comment c = (Comment) row[0];
            boolean reportedSinceApproval = c.approvedByModerator && c.reportedAt != null
                    && (c.moderatedAt == null || c.reportedAt.isAfter(c.moderatedAt));
            QueueItem.Reports reports = new QueueItem.Reports(c.reportCount, reasons.getOrDefault(id, Map.of()),
                    c.reportedAt, reportedSinceApproval);
            items.add(new QueueItem(c.id, (String) row[1], (String) row[2], c.parentId, c.inReplyTo, c.authorName,
                    c.authorEmail, c.ipHash == null ? null : c.ipHash.substring(0, Math.min(8, c.ipHash.length())), c.body,
                    c.status, c.flagged, c.matches, c.ruleSetVersion, reports,
                    c.authorEmail == null ? null : histories.get(c.authorEmail.toLowerCase(Locale.ROOT)),
                    c.createdAt, c.version));
        }
        return items;
    }
}
