package org.vigie.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.article.Article;
import org.vigie.comment.Comment;
import org.vigie.comment.CommentModeration;
import org.vigie.comment.CommentNotFound;
import org.vigie.comment.StatusChange;
import org.vigie.moderation.ModerationPipeline;
import org.vigie.platform.ClientOrigin;
import org.vigie.platform.IpHasher;
import org.vigie.platform.RateLimiter;
import org.vigie.platform.Rows;
import org.vigie.platform.Times;
import org.vigie.platform.VigieConfig;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.RuleEngine;
import org.vigie.rules.Submission;
import org.vigie.webhook.WebhookData;
import org.vigie.webhook.WebhookEventType;
import org.vigie.webhook.WebhookOutbox;

/**
 * Readers' reports. Each reporter counts once per comment; every new report runs the rules that apply
 * to reports, which may flag the comment for review or hold it until a moderator looks.
 */
@ApplicationScoped
public class ReportService {

    static final String RATE_LIMIT_ACTION = "report";

    @Inject
    EntityManager entityManager;

    @Inject
    IpHasher ipHasher;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    VigieConfig config;

    @Inject
    ModerationPipeline pipeline;

    @Inject
    CommentModeration comments;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    /**
     * Records a report on a visible comment; a repeat by the same reporter changes nothing. The comment's
     * row is locked, so concurrent reports are counted one by one, each seeing the ones before.
     */
    @Transactional
    public void report(long commentId, NewReport report, ClientOrigin origin) {
        String ipHash = ipHasher.hash(origin);
        rateLimiter.hit(RATE_LIMIT_ACTION, ipHash, config.rateLimit().reportsPerMinute());
        Comment comment = entityManager.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || !comment.isPubliclyVisible()) {
            throw new CommentNotFound(commentId);
        }
        String reporter = report.reporterId() == null || report.reporterId().isBlank() ? "ip:" + ipHash
                : "id:" + ipHasher.hashText("reporter", report.reporterId().strip());
        Instant now = Times.now(clock);
        int added = entityManager.createNativeQuery("""
                INSERT INTO report (comment_id, reporter, reason, details, ip_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT ON CONSTRAINT report_once DO NOTHING
                """)
                .setParameter(1, comment.id)
                .setParameter(2, reporter)
                .setParameter(3, report.reason().name())
                .setParameter(4, report.details())
                .setParameter(5, ipHash)
                .setParameter(6, now)
                .executeUpdate();
        if (added == 0) {
            return;
        }
        Submission.ReportFacts reports = reports(comment.id);
        comments.reported(comment, reports.reporters(), now);
        Article article = Article.findById(comment.articleId);
        webhooks.record(WebhookEventType.REPORT_CREATED, () -> new WebhookData.ReportEvent(comment.id, article.key,
                report.reason().name(), reports.reporters(), now));
        ModerationPipeline.ReportEvaluation evaluated = pipeline.evaluateReport(comment.body, comment.authorName,
                comment.authorEmail, article.facts(), reports);
        apply(comment, evaluated);
    }

    /** What the report rules decided: a flag, or a status (unless a moderator approved the comment). */
    private void apply(Comment comment, ModerationPipeline.ReportEvaluation evaluated) {
        RuleEngine.Evaluation evaluation = evaluated.evaluation();
        boolean hides = evaluation.decided() && evaluation.decision().status() != ModerationStatus.VISIBLE
                && comment.status == ModerationStatus.VISIBLE;
        // A moderator who approved it said it may stay: the reports only bring it back to their attention.
        boolean overruled = hides && comment.approvedByModerator && !evaluation.reopen();
        if (hides && !overruled) {
            if (evaluation.flagged()) {
                comments.flag(comment, List.of());
            }
            Match decisive = evaluation.matches().stream().filter(Match::decisive).findFirst().orElseThrow();
            comments.change(comment, StatusChange.byRule(evaluation.decision().status(), decisive,
                    evaluated.ruleSetVersion(), CommentModeration.REPORTED, evaluation.matches()));
        } else if ((evaluation.flagged() || overruled) && !comment.flagged) {
            comments.flag(comment, evaluation.matches());
        }
    }

    /**
     * Reporters in all and per reason, counted by address: one reader cannot pass for several by sending
     * several reporter ids. One read of the comment's reports; the grand total is the row without a reason.
     */
    private Submission.ReportFacts reports(long commentId) {
        int reporters = 0;
        Map<String, Integer> reasons = new HashMap<>();
        for (ReasonCount row : Rows.list(entityManager.createNativeQuery("""
                SELECT reason, count(DISTINCT ip_hash) AS reporters FROM report WHERE comment_id = ?1
                 GROUP BY GROUPING SETS ((reason), ())
                """, Tuple.class).setParameter(1, commentId),
                row -> new ReasonCount(row.string("reason"), row.integer("reporters")))) {
            if (row.reason() == null) {
                reporters = row.reporters();
            } else {
                reasons.put(row.reason(), row.reporters());
            }
        }
        return new Submission.ReportFacts(reporters, reasons);
    }

    /** Reporters of a comment for one reason, or in all (reason null). */
    private record ReasonCount(String reason, int reporters) {
    }

    /** The reports on these comments, oldest first, by comment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<StoredReport>> onComments(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return Rows.list(entityManager.createNativeQuery("""
                SELECT comment_id, reason, details, created_at, left(reporter, 11) AS reporter FROM report
                 WHERE comment_id IN (:ids) ORDER BY created_at, id
                """, Tuple.class).setParameter("ids", commentIds),
                row -> new StoredReport(row.count("comment_id"), row.string("reason"), row.string("details"),
                        row.instant("created_at"), row.string("reporter")))
                .stream().collect(Collectors.groupingBy(StoredReport::commentId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Forgets what readers wrote about these comments (their author is erased); the reports still count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetDetails(Collection<Long> commentIds) {
        if (!commentIds.isEmpty()) {
            // One array parameter, however many comments the author wrote.
            entityManager.createNativeQuery("UPDATE report SET details = NULL WHERE comment_id = ANY(?1)")
                    .setParameter(1, commentIds.toArray(Long[]::new))
                    .executeUpdate();
        }
    }
}
