package org.vigie.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An article of the news site, known by the key its frontend gives it. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_key", nullable = false, updatable = false)
    public String key;

    public String title;

    public String url;

    @Column(nullable = false)
    public boolean open;

    @Column(nullable = false)
    public boolean premoderated;

    /**
     * Visible comments and replies, kept by a database trigger as a folded count plus the deltas not folded
     * yet (see {@link ArticleCounters}); never written from Java.
     */
    @Formula("visible_count + coalesce((SELECT sum(d.delta) FROM article_count_delta d WHERE d.article_id = id), 0)")
    public int visibleCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What the rules may know of the article. */
    public org.vigie.rules.Submission.ArticleFacts facts() {
        return new org.vigie.rules.Submission.ArticleFacts(key, open, premoderated, createdAt);
    }

    public static Article findByKey(String key) {
        return find("key", key).firstResult();
    }
}
