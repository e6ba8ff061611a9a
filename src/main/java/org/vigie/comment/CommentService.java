package org.vigie.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.article.Article;
import org.vigie.article.ArticleService;
import org.vigie.audit.AuditTrail;
import org.vigie.moderation.ModerationPipeline;
import org.vigie.platform.ClientOrigin;
import org.vigie.platform.Cursor;
import org.vigie.platform.IpHasher;
import org.vigie.platform.RateLimiter;
import org.vigie.platform.Rows;
import org.vigie.platform.SqlStatement;
import org.vigie.platform.Times;
import org.vigie.platform.VigieConfig;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Submission;
import org.vigie.rules.Verdict;
import org.vigie.rules.normalize.NormalizedText;
import org.vigie.webhook.WebhookData;
import org.vigie.webhook.WebhookEventType;
import org.vigie.webhook.WebhookOutbox;

import io.agroal.api.AgroalDataSource;

/** Posting comments, their authors' edits, and reading threads. */
@ApplicationScoped
public class CommentService {

    @Inject
    Event<ThreadChanged> threadChanged;


    static final String RATE_LIMIT_ACTION = "comment";

    @Inject
    ArticleService articles;

    @Inject
    ModerationPipeline pipeline;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    IpHasher ipHasher;

    @Inject
    VigieConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    CommentModeration moderation;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    private static final String INSERT = """
            INSERT INTO comment (article_id, parent_id, in_reply_to, author_name, author_email, body, status, matches,
                                 flagged, fingerprint, rule_set_version, ip_hash, edit_token_hash, created_at, status_changed_at)
            VALUES (:article, CAST(:parent AS bigint), CAST(:inReplyTo AS bigint), :name, :email, :body, :status,
                    CAST(:matches AS jsonb), :flagged, :fingerprint, CAST(:version AS integer), :ipHash, :editTokenHash, :at, :at)
            RETURNING id""";

    private static final String INSERT_AUDITED = "WITH inserted AS (" + INSERT + ") " + AuditTrail.insertedByRule("inserted");

    /** The same, with the comment.created event for the webhooks that subscribe to it. */
    private static final String INSERT_AUDITED_ANNOUNCED = "WITH inserted AS (" + INSERT + "), announced AS ("
            + WebhookOutbox.insertedComment("inserted") + ") " + AuditTrail.insertedByRule("inserted");

    private static final String ADMIT = "WITH hit AS (" + RateLimiter.HIT + " RETURNING 1)"
            + " SELECT (SELECT count(*) FROM hit) AS allowed, " + ModerationPipeline.SAME_TEXT_LOCK + " IS NULL AS locked, "
            + ArticleService.TARGET + " FROM (SELECT 1) one LEFT JOIN article a ON a.article_key = :articleKey";

    private static final String ADMIT_EDIT = "WITH hit AS (" + RateLimiter.HIT + " RETURNING 1)"
            + " SELECT (SELECT count(*) FROM hit) AS allowed, " + ModerationPipeline.SAME_TEXT_LOCK + " IS NULL AS locked";

    /** The matches as the entity's JSON column holds them: plain records, written as Hibernate writes them. */
    private static final ObjectMapper MATCHES = new ObjectMapper();

    private static String matchesJson(List<Match> matches) {
        try {
            return MATCHES.writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Matches that JSON cannot hold", e);
        }
    }

    /**
     * What was stored: the new id, the status the pipeline gave it, and the edit token (given to the author
     * once, stored only as its hash) with the end of the time it may be used.
     */
    public record Posted(long id, ModerationStatus status, String editToken, Instant editableUntil) {
        @Override
        public String toString() {
            return "Posted[id=" + id + ", status=" + status + "]";
        }
    }

    /**
     * Stores a comment or reply with the status the moderation pipeline decides. Everything happens in
     * one transaction: a refused comment leaves no article, no comment and no rate-limit hit behind.
     */
    @Transactional
    public Posted post(String articleKey, NewComment payload, ClientOrigin origin) {
        String ipHash = ipHasher.hash(origin);
        // One statement admits the post: the rate limit's hit (its bucket's lock makes the posts of one
        // address wait for each other), the lock on the text (so do posts of the same text), and the article.
        SqlStatement admit = SqlStatement.of(ADMIT).set("articleKey", articleKey);
        RateLimiter.bindHit(admit, RATE_LIMIT_ACTION, ipHash, config.rateLimit().commentsPerMinute());
        NormalizedText body = ModerationPipeline.bindSameTextLock(admit, payload.body());
        Rows.Row admitted = admit.single(entityManager, row -> row);
        if (admitted.count("allowed") == 0) {
            rateLimiter.refuse(RATE_LIMIT_ACTION, ipHash, config.rateLimit().commentsPerMinute());
        }
        ArticleService.Target known = ArticleService.target(admitted);
        ArticleService.Target article = known != null ? known : articles.findOrCreate(articleKey);

        Comment comment = new Comment();
        comment.articleId = article.id();
        if (payload.parentId() != null) {
            attachToThread(comment, payload.parentId(), article.id());
        }
        ModerationPipeline.Decided decided = pipeline.decide(new ModerationPipeline.Candidate(Submission.Event.CREATE,
                payload.body(), payload.authorName(), payload.authorEmail(), ipHash, article.id(), article.facts()), body);
        Verdict verdict = decided.verdict();

        Instant now = Times.now(clock);
        Map<String, Object> row = new HashMap<>();
        row.put("article", article.id());
        row.put("parent", comment.parentId);
        row.put("inReplyTo", comment.inReplyTo);
        row.put("name", payload.authorName().strip());
        row.put("email", payload.authorEmail().strip());
        row.put("body", payload.body());
        row.put("status", verdict.status().name());
        row.put("matches", matchesJson(verdict.matches()));
        row.put("flagged", verdict.flagged());
        row.put("fingerprint", decided.fingerprint());
        row.put("version", decided.ruleSetVersion());
        row.put("ipHash", ipHash);
        EditTokens.Issued editToken = EditTokens.issue();
        row.put("editTokenHash", editToken.hash());
        row.put("at", now);
        Match decisive = verdict.decisive().orElseThrow();
        // The comment, its audit entry and its event in one statement: posting is the hottest write there is.
        boolean announced = webhooks.wants(WebhookEventType.COMMENT_CREATED);
        SqlStatement insert = SqlStatement.of(announced ? INSERT_AUDITED_ANNOUNCED : INSERT_AUDITED);
        row.forEach(insert::set);
        AuditTrail.bindInsertedByRule(insert, decisive.ruleId(), decided.ruleSetVersion(), "POST", verdict.status(),
                decisive.explanation(), now);
        if (announced) {
            // The id is the new comment's, set by the statement.
            webhooks.bindInsertedComment(insert, new WebhookData.CommentEvent(
                    new WebhookData.CommentData(0, articleKey, comment.parentId, payload.authorName().strip(), payload.body(),
                            verdict.status(), now),
                    new WebhookData.Change(null, verdict.status(), WebhookData.ActorKind.RULE, null, decisive.ruleId(),
                            decided.ruleSetVersion(), "POST", decisive.explanation())), now);
        }
        long id = insert.single(entityManager, inserted -> inserted.count("comment_id"));
        if (verdict.status() == ModerationStatus.VISIBLE) {
            threadChanged.fire(new ThreadChanged(article.id()));
        }
        return new Posted(id, verdict.status(), editToken.token(), now.plus(config.comments().editWindow()));
    }

    /** What an edit stored: the status the pipeline gave the new text, and until when the author may edit again. */
    public record Edited(long id, ModerationStatus status, Instant editableUntil) {
    }

    /**
     * Replaces a comment's text with its author's edit, judged again by the moderation pipeline as an
     * edit. The author proves who they are with the edit token the answer to the post gave them, within
     * {@code vigie.comments.edit-window} of posting, on a comment that no moderator has decided on, that
     * the rules did not reject and that no reader reported. Edits count against the same rate limit as posts. A refused edit changes
     * nothing, not even the rate limit.
     */
    @Transactional
    public Edited edit(long id, CommentEdit payload, ClientOrigin origin) {
        String ipHash = ipHasher.hash(origin);
        // As for a post: the rate limit's hit, and the lock on the text, so that the same text posted at once
        // from elsewhere counts in this one's history.
        SqlStatement admit = SqlStatement.of(ADMIT_EDIT);
        RateLimiter.bindHit(admit, RATE_LIMIT_ACTION, ipHash, config.rateLimit().commentsPerMinute());
        NormalizedText body = ModerationPipeline.bindSameTextLock(admit, payload.body());
        if (admit.single(entityManager, row -> row.count("allowed")) == 0) {
            rateLimiter.refuse(RATE_LIMIT_ACTION, ipHash, config.rateLimit().commentsPerMinute());
        }
        Comment comment = entityManager.find(Comment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || comment.erasedAt != null) {
            throw new CommentNotFound(id);
        }
        // The token first: who does not hold it learns nothing more of the comment.
        if (!EditTokens.matches(payload.editToken(), comment.editTokenHash)) {
            throw new WrongEditToken();
        }
        if (comment.moderatedAt != null) {
            throw new AlreadyModerated(id);
        }
        if (comment.status == ModerationStatus.REJECTED || comment.reportCount > 0) {
            // A reported comment is judged as reported: a new text would leave readers' reports behind it.
            throw new NotEditable(id);
        }
        Instant editableUntil = comment.createdAt.plus(config.comments().editWindow());
        if (clock.instant().isAfter(editableUntil)) {
            throw new EditWindowClosed(id, editableUntil);
        }
        Article article = entityManager.find(Article.class, comment.articleId);
        ModerationPipeline.Decided decided = pipeline.decide(new ModerationPipeline.Candidate(Submission.Event.EDIT,
                payload.body(), comment.authorName, comment.authorEmail, ipHash, article.id, article.facts(), comment.id), body);
        moderation.edit(comment, payload.body(), decided);
        return new Edited(id, comment.status, editableUntil);
    }

    /** The texts a comment's author replaced by editing it, oldest first; none for a comment never edited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EarlierVersion> earlierVersions(long commentId) {
        return earlierVersions(List.of(commentId)).getOrDefault(commentId, List.of());
    }

    /** The earlier texts of these comments, oldest first, by comment: one query however many they are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<EarlierVersion>> earlierVersions(Collection<Long> commentIds) {
        Map<Long, List<EarlierVersion>> versions = new HashMap<>();
        if (!commentIds.isEmpty()) {
            entityManager.createQuery("SELECT v FROM CommentVersion v WHERE v.commentId IN :ids ORDER BY v.commentId, v.number",
                    CommentVersion.class)
                    .setParameter("ids", commentIds)
                    .getResultStream()
                    .forEach(v -> versions.computeIfAbsent(v.commentId, id -> new ArrayList<>()).add(EarlierVersion.of(v)));
        }
        return versions;
    }

    /**
     * One level of replies: an answer to a reply joins the same top-level comment and keeps inReplyTo.
     * The comments answered are locked, reply before top-level comment as the counters' trigger does,
     * so that a moderator cannot hide them between this check and the commit.
     */
    private void attachToThread(Comment reply, long parentId, long articleId) {
        Comment parent = entityManager.find(Comment.class, parentId, LockModeType.PESSIMISTIC_WRITE);
        if (parent == null || parent.articleId != articleId || !parent.isVisible()) {
            throw new InvalidParent();
        }
        if (parent.parentId == null) {
            reply.parentId = parent.id;
            return;
        }
        Comment root = entityManager.find(Comment.class, parent.parentId, LockModeType.PESSIMISTIC_WRITE);
        if (root == null || !root.isVisible()) {
            throw new InvalidParent();
        }
        reply.parentId = root.id;
        reply.inReplyTo = parent.id;
    }

    /**
     * A page of visible top-level comments, each with all its visible replies, oldest first. One statement
     * reads it all (the article's count, the page's comments and their replies) straight into the API's
     * records: no entity is loaded, no JSON column read.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ThreadPage thread(String articleKey, ThreadOrder order, int limit, String cursorToken) {
        Cursor after = Cursor.decode(cursorToken, order.name());
        SqlStatement page = SqlStatement.of(THREAD.get(order).get(after == null ? 0 : 1))
                .set("articleKey", articleKey)
                .set("limit", limit + 1);
        if (after != null) {
            page.set("at", after.instant()).set("id", after.id());
        }
        Integer total = null;
        List<CommentView> top = new ArrayList<>();
        Map<Long, List<ReplyView>> replies = new LinkedHashMap<>();
        for (Rows.Row row : page.read(entityManager, dataSource, row -> row)) {
            switch (row.string("kind")) {
                case "A" -> total = row.integer("reply_count");
                case "C" -> {
                    List<ReplyView> under = new ArrayList<>();
                    replies.put(row.count("id"), under);
                    top.add(new CommentView(row.count("id"), row.string("author_name"), row.string("body"),
                            Excerpt.of(row.string("body")), row.instant("created_at"), row.integer("reply_count"), under));
                }
                default -> replies.get(row.nullableLong("parent_id")).add(new ReplyView(row.count("id"), row.string("author_name"),
                        row.string("body"), Excerpt.of(row.string("body")), row.instant("created_at"), row.nullableLong("in_reply_to")));
            }
        }
        if (total == null) {
            return new ThreadPage(articleKey, 0, List.of(), null);
        }
        Cursor.Page<CommentView> items = Cursor.page(top, limit, order.name(), c -> Cursor.at(c.createdAt(), c.id()));
        return new ThreadPage(articleKey, total, items.items(), items.nextCursor());
    }

    /** The statements of a thread page, by order, without and with a cursor. */
    private static final Map<ThreadOrder, List<String>> THREAD = Map.of(
            ThreadOrder.NEWEST, List.of(threadSql(ThreadOrder.NEWEST, false), threadSql(ThreadOrder.NEWEST, true)),
            ThreadOrder.OLDEST, List.of(threadSql(ThreadOrder.OLDEST, false), threadSql(ThreadOrder.OLDEST, true)));

    /**
     * The statement of a thread page: a row for the article (kind A, its count in reply_count), then its
     * visible top-level comments in the page's order, one more than the page holds (kind C), then their
     * visible replies, oldest first (kind R).
     */
    private static String threadSql(ThreadOrder order, boolean after) {
        String direction = order == ThreadOrder.NEWEST ? "DESC" : "ASC";
        String keyset = after ? " AND (c.created_at, c.id) " + (order == ThreadOrder.NEWEST ? "<" : ">") + " (:at, :id)" : "";
        return "WITH a AS (SELECT id FROM article WHERE article_key = :articleKey),"
                + " top AS (SELECT c.id, c.author_name, c.body, c.created_at, c.reply_count FROM comment c"
                + "          WHERE c.article_id = (SELECT id FROM a) AND c.parent_id IS NULL AND c.status = 'VISIBLE'" + keyset
                + "          ORDER BY c.created_at " + direction + ", c.id " + direction + " LIMIT :limit)"
                + " SELECT 'A' AS kind, 0 AS position, a.id, NULL::bigint AS parent_id, NULL::bigint AS in_reply_to,"
                + "        NULL AS author_name, NULL AS body, NULL::timestamptz AS created_at,"
                + "        (SELECT v.visible_count FROM article_visible_count v WHERE v.article_id = a.id) AS reply_count FROM a"
                + " UNION ALL"
                + " SELECT 'C', row_number() OVER (ORDER BY t.created_at " + direction + ", t.id " + direction + "), t.id, NULL, NULL,"
                + "        t.author_name, t.body, t.created_at, t.reply_count FROM top t"
                + " UNION ALL"
                + " SELECT 'R', 0, r.id, r.parent_id, r.in_reply_to, r.author_name, r.body, r.created_at, r.reply_count FROM comment r"
                + "  WHERE r.parent_id IN (SELECT id FROM top) AND r.status = 'VISIBLE'"
                + " ORDER BY 1, 2, created_at, id";
    }

    /**
     * A visible comment or reply; nothing for one that is held, rejected or unknown, nor for a reply
     * under a top-level comment that is no longer visible (the thread does not show it either).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommentDetail> findVisible(long id) {
        return entityManager.createQuery("SELECT c AS comment, a.key AS articleKey FROM Comment c JOIN Article a ON a.id = c.articleId"
                + " WHERE c.id = :id AND c.status = :visible AND (c.parentId IS NULL OR EXISTS"
                + " (SELECT 1 FROM Comment p WHERE p.id = c.parentId AND p.status = :visible))", Tuple.class)
                .setParameter("id", id)
                .setParameter("visible", ModerationStatus.VISIBLE)
                .getResultStream()
                .findFirst()
                .map(row -> {
                    Comment c = row.get("comment", Comment.class);
                    return new CommentDetail(c.id, row.get("articleKey", String.class), c.parentId, c.inReplyTo, c.authorName, c.body,
                            Excerpt.of(c.body), c.createdAt, c.replyCount);
                });
    }
}
