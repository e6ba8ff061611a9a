package org.vigie.author;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Moderators' settings for one author, by email. */
@Entity
@Table(name = "author_setting")
public class AuthorSetting extends PanacheEntityBase {

    /** Lower-cased. */
    @Id
    public String email;

    @Column(nullable = false)
    public boolean premoderated;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
