package org.vigie.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.vigie.article.Article;
import org.vigie.comment.Comment;
import org.vigie.comment.CommentNotFound;
import org.vigie.moderation.AuditTrail;
import org.vigie.moderation.ModerationPipeline;
import org.vigie.platform.ClientOrigin;
import org.vigie.platform.IpHasher;
import org.vigie.platform.RateLimiter;
import org.vigie.platform.VigieConfig;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.RuleEngine;
import org.vigie.rules.Submission;

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
    AuditTrail audit;

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
        int added = entityManager.createNativeQuery("""
                INSERT INTO report (comment_id, reporter, reason, details, ip_hash) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT ON CONSTRAINT report_once DO NOTHING
                """)
                .setParameter(1, comment.id)
                .setParameter(2, reporter)
                .setParameter(3, report.reason().name())
                .setParameter(4, report.details())
                .setParameter(5, ipHash)
                .executeUpdate();
        if (added == 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Submission.ReportFacts reports = reports(comment.id);
        comment.reportCount = reports.reporters();
        comment.reportedAt = now;
        Article article = Article.findById(comment.articleId);
        ModerationPipeline.ReportEvaluation evaluated = pipeline.evaluateReport(comment.body, comment.authorName,
                comment.authorEmail, article.facts(), reports);
        apply(comment, evaluated, now);
    }

    /** What the report rules decided: a flag, or a status (unless a moderator approved the comment). */
    private void apply(Comment comment, ModerationPipeline.ReportEvaluation evaluated, Instant now) {
        RuleEngine.Evaluation evaluation = evaluated.evaluation();
        boolean wasFlagged = comment.flagged;
        ModerationStatus wasStatus = comment.status;
        if (evaluation.flagged()) {
            comment.flagged = true;
        }
        boolean hides = evaluation.decided() && evaluation.decision().status() != ModerationStatus.VISIBLE;
        if (hides && comment.status == ModerationStatus.VISIBLE) {
            if (comment.approvedByModerator && !evaluation.reopen()) {
                // A moderator said it may stay: the reports only bring it back to their attention.
                comment.flagged = true;
            } else {
                Match decisive = evaluation.matches().stream().filter(Match::decisive).findFirst().orElseThrow();
                audit.byRule(comment.id, decisive.ruleId(), evaluated.ruleSetVersion(), "REPORT", comment.status,
                        evaluation.decision().status(), decisive.explanation());
                comment.status = evaluation.decision().status();
                comment.statusChangedAt = now;
            }
        }
        if (comment.flagged != wasFlagged || comment.status != wasStatus) {
            List<Match> matches = new ArrayList<>(comment.matches);
            matches.addAll(evaluation.matches());
            comment.matches = matches;
        }
    }

    /**
     * Reporters in all and per reason, counted by address: one reader cannot pass for several by sending
     * several reporter ids. One read of the comment's reports; the grand total is the row without a reason.
     */
    private Submission.ReportFacts reports(long commentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT reason, count(DISTINCT ip_hash) FROM report WHERE comment_id = ?1
                 GROUP BY GROUPING SETS ((reason), ())
                """)
                .setParameter(1, commentId)
                .getResultList();
        int reporters = 0;
        Map<String, Integer> reasons = new HashMap<>();
        for (Object[] row : rows) {
            int count = ((Number) row[1]).intValue();
            if (row[0] == null) {
                reporters = count;
            } else {
                reasons.put((String) row[0], count);
            }
        }
        return new Submission.ReportFacts(reporters, reasons);
    }
}
