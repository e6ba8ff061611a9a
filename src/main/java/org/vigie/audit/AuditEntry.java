package org.vigie.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.vigie.rules.ModerationStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status change in the audit trail, by a rule or by a moderator. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /** Who changed the status. */
    public enum ActorKind {
        RULE,
        MODERATOR,
        /** The comment's author, by editing it: the rule that judged the new text is in {@link #ruleId}. */
        AUTHOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", updatable = false)
    public Long commentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, updatable = false)
    public ActorKind actorKind;

    /** The rule's id or the moderator's username. */
    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "rule_set_version", updatable = false)
    public Integer ruleSetVersion;

    /** The rule that decided the status an author's edit got. */
    @Column(name = "rule_id", updatable = false)
    public String ruleId;

    /** POST, REPORT, APPROVE, REJECT, BAN or EDITED. */
    @Column(nullable = false, updatable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    public ModerationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false)
    public ModerationStatus toStatus;

    @Column(updatable = false)
    public String reason;

    @Column(updatable = false)
    public String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
