package org.vigie.author;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ban of an author, by email or address hash; with {@code until}, a suspension that ends by itself. */
@Entity
@Table(name = "ban")
public class Ban extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Lower-cased. */
    @Column(updatable = false)
    public String email;

    @Column(name = "ip_hash", updatable = false)
    public String ipHash;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(updatable = false)
    public Instant until;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    public boolean activeAt(Instant now) {
        return liftedAt == null && (until == null || until.isAfter(now));
    }
}
