package org.vigie.comment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Match;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A comment or a reply. Replies sit one level deep: {@code parentId} is always a top-level comment and
 * {@code inReplyTo} keeps the reply being answered, if any.
 */
@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false, updatable = false)
    public Long articleId;

    @Column(name = "parent_id", updatable = false)
    public Long parentId;

    @Column(name = "in_reply_to", updatable = false)
    public Long inReplyTo;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    /** Shown to moderators only; no public record has a field for it. Null once the author is erased. */
    @Column(name = "author_email")
    public String authorEmail;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModerationStatus status;

    /** What the rules found, and the moderators' decisions: shown to moderators only. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Match> matches;

    /** Visible, but waiting in the review queue. */
    @Column(nullable = false)
    public boolean flagged;

    /** SHA-256 of the normalised body, to find the same text posted again. */
    @Column
    public String fingerprint;

    /** The rule set version that decided the status of the current text. */
    @Column(name = "rule_set_version")
    public Integer ruleSetVersion;

    /** SHA-256 of the edit token, in hex; never the token itself. Null once the author is erased. */
    @Column(name = "edit_token_hash")
    public String editTokenHash;

    /** How many times the author edited it; its earlier texts are in {@code comment_version}. */
    @Column(name = "edit_count", nullable = false)
    public int editCount;

    @Column(name = "edited_at")
    public Instant editedAt;

    /** Distinct readers who reported it. */
    @Column(name = "report_count", nullable = false)
    public int reportCount;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** When a moderator last decided on it; reports after that put it back in the REPORTED queue. */
    @Column(name = "moderated_at")
    public Instant moderatedAt;

    /** A moderator approved it: reports alone no longer hide it, unless a rule says reopen. */
    @Column(name = "approved_by_moderator", nullable = false)
    public boolean approvedByModerator;

    /** Incremented on every change; a decision names the version it was made on. */
    @jakarta.persistence.Version
    @Column(nullable = false)
    public int version;

    /** Null once the author is erased. */
    @Column(name = "ip_hash", updatable = false)
    public String ipHash;

    /** When the author had everything about them erased: the comment is a tombstone since. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Visible replies, kept by a database trigger; never written from Java. */
    @Column(name = "reply_count", insertable = false, updatable = false)
    public int replyCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    public boolean isVisible() {
        return status == ModerationStatus.VISIBLE;
    }

    /** Visible, and so is the comment it sits under: what readers can see. Loads the parent of a reply. */
    public boolean isPubliclyVisible() {
        if (!isVisible()) {
            return false;
        }
        if (parentId == null) {
            return true;
        }
        Comment root = Comment.findById(parentId);
        return root != null && root.isVisible();
    }
}
