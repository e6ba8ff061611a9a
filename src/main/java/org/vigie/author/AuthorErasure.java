package org.vigie.author;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.audit.AuditLog;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.HistoryEntry;
import org.vigie.comment.Comment;
import org.vigie.comment.CommentModeration;
import org.vigie.comment.CommentService;
import org.vigie.comment.EarlierVersion;
import org.vigie.platform.Emails;
import org.vigie.platform.Times;
import org.vigie.report.ReportService;
import org.vigie.report.StoredReport;
import org.vigie.webhook.WebhookOutbox;

/**
 * The rights of access and erasure: everything stored about an email, and its removal. Erased comments
 * stay as tombstones so that threads and replies keep their shape.
 */
@ApplicationScoped
public class AuthorErasure {

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorService authors;

    @Inject
    CommentModeration comments;

    @Inject
    CommentService posted;

    @Inject
    ReportService reports;

    @Inject
    AuditLog auditLog;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    /** Everything stored about an email, in a fixed number of queries however many comments it posted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorExport export(String email) {
        String address = Emails.normalize(email);
        List<Tuple> own = entityManager.createQuery("SELECT c AS comment, a.key AS articleKey"
                + " FROM Comment c JOIN Article a ON a.id = c.articleId"
                + " WHERE lower(c.authorEmail) = :email ORDER BY c.createdAt, c.id", Tuple.class)
                .setParameter("email", address).getResultList();
        List<Long> ids = own.stream().map(row -> row.get("comment", Comment.class).id).toList();
        Map<Long, List<StoredReport>> reported = reports.onComments(ids);
        Map<Long, List<HistoryEntry>> history = auditLog.histories(ids);
        Map<Long, List<EarlierVersion>> versions = posted.earlierVersions(ids);
        List<AuthorExport.ExportedComment> exported = own.stream().map(row -> {
            Comment c = row.get("comment", Comment.class);
            List<AuthorExport.ReportedAs> reportsOnIt = reported.getOrDefault(c.id, List.of()).stream()
                    .map(r -> new AuthorExport.ReportedAs(r.reason(), r.details(), r.createdAt())).toList();
            return new AuthorExport.ExportedComment(c.id, row.get("articleKey", String.class), c.parentId, c.inReplyTo,
                    c.authorName, c.body, c.status.name(), c.createdAt, c.ipHash, c.matches, reportsOnIt,
                    history.getOrDefault(c.id, List.of()), versions.getOrDefault(c.id, List.of()));
        }).toList();
        return new AuthorExport(address, clock.instant(), exported, authors.premoderated(address), authors.bans(address));
    }

    /**
     * Erases an email: its comments become tombstones without name, email, address hash, fingerprint,
     * rule evidence, edit token or earlier texts; reports on them lose their details (free text about the
     * author); their audit entries keep only ids and statuses; the webhooks' events about them keep neither
     * name nor text; bans and settings on the email go. Each
     * erased comment gets an ERASE entry in the audit trail.
     */
    @Transactional
    public int erase(String email, String admin) {
        String address = Emails.normalize(email);
        List<CommentModeration.Erased> erased = comments.erase(address);
        List<Long> ids = erased.stream().map(CommentModeration.Erased::id).toList();
        audit.forgetText(ids);
        reports.forgetDetails(ids);
        webhooks.forgetComments(ids, CommentModeration.ERASED_NAME, CommentModeration.TOMBSTONE);
        Instant now = Times.now(clock);
        erased.forEach(e -> audit.byModerator(e.id(), admin, "ERASE", e.status(), e.status(), null, null, now));
        Ban.delete("email", address);
        AuthorSetting.delete("email", address);
        return erased.size();
    }
}
