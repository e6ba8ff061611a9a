package org.vigie.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vigie.rules.ModerationStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One moderator decision on one comment: the audit trail, written once and never changed. */
@Entity
@Table(name = "moderation_decision")
public class Decision extends PanacheEntityBase {

    /** What a moderator can do to a comment. */
    @Schema(name = "DecisionAction")
    public enum Action {
        APPROVE(ModerationStatus.VISIBLE),
        REJECT(ModerationStatus.REJECTED);

        final ModerationStatus result;

        Action(ModerationStatus result) {
            this.result = result;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false, updatable = false)
    public Long commentId;

    @Column(nullable = false, updatable = false)
    public String moderator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false)
    public ModerationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    public ModerationStatus toStatus;

    @Column(updatable = false)
    public String reason;

    @Column(updatable = false)
    public String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
