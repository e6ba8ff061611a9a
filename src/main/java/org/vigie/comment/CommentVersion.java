package org.vigie.comment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigie.rules.Match;
import org.vigie.rules.ModerationStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An earlier text of a comment, replaced by its author's edit, with what the rules said of it. Written by
 * {@link CommentModeration#edit} in one statement from the comment's row; read here.
 */
@Entity
@Immutable
@Table(name = "comment_version")
public class CommentVersion extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "comment_id", nullable = false)
    public Long commentId;

    /** 1 for the text as posted, then one more for each edit. */
    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModerationStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Match> matches;

    @Column(name = "rule_set_version")
    public Integer ruleSetVersion;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;
}
