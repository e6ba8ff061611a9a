package org.vigie.ruleset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of the rule set, as an admin wrote it. Never changed once stored. */
@Entity
@Table(name = "rule_set")
public class RuleSetVersion extends PanacheEntityBase {

    @Id
    public Integer version;

    @Column(nullable = false, updatable = false)
    public String document;

    @Column(nullable = false, updatable = false)
    public int rules;

    @Column(nullable = false, updatable = false)
    public int tests;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "restored_from", updatable = false)
    public Integer restoredFrom;
}
