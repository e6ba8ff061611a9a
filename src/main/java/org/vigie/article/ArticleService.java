package org.vigie.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.vigie.platform.VigieConfig;

/** Articles: created on their first comment, configured by moderators, counted for listing pages. */
@ApplicationScoped
public class ArticleService {

    @Inject
    EntityManager entityManager;

    @Inject
    VigieConfig config;

    /** The article with this key, created with the default settings if it is new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Article findOrCreate(String key) {
        Article article = Article.findByKey(key);
        if (article != null) {
            return article;
        }
        insertIfMissing(key);
        return Article.findByKey(key);
    }

    /** Whether this call created the article: of two first comments at once, only one does. */
    private boolean insertIfMissing(String key) {
        return entityManager.createNativeQuery(
                "INSERT INTO article (article_key, premoderated) VALUES (?1, ?2) ON CONFLICT (article_key) DO NOTHING")
                .setParameter(1, key)
                .setParameter(2, config.moderation().premoderateByDefault())
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ArticleSettings> settings(String key) {
        return Optional.ofNullable(Article.findByKey(key)).map(ArticleSettings::of);
    }

    /** The result of a settings change, and whether it created the article. */
    public record Updated(ArticleSettings settings, boolean created) {
    }

    @Transactional
    public Updated update(String key, ArticleSettingsUpdate update) {
        boolean created = insertIfMissing(key);
        // Locked, so that two moderators changing different fields at once both keep their change.
        Article article = Article.find("key", key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (update.title() != null) {
            article.title = update.title();
        }
        if (update.url() != null) {
            article.url = update.url();
        }
        if (update.open() != null) {
            article.open = update.open();
        }
        if (update.premoderated() != null) {
            article.premoderated = update.premoderated();
        }
        article.updatedAt = Instant.now();
        article.persistAndFlush();
        entityManager.refresh(article);
        return new Updated(ArticleSettings.of(article), created);
    }

    /** Visible comments and replies per key, in the order asked; unknown keys count 0. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> counts(List<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0));
        if (!keys.isEmpty()) {
            entityManager.createQuery("SELECT a.key, a.visibleCount FROM Article a WHERE a.key IN :keys", Object[].class)
                    .setParameter("keys", keys)
                    .getResultStream()
                    .forEach(row -> counts.put((String) row[0], (Integer) row[1]));
        }
        return counts;
    }

    /** Articles with the most visible comments created in the last {@code days} days. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MostCommented> mostCommented(int days, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT a.article_key, a.title, a.url, recent.count
                  FROM (SELECT article_id, count(*) AS count
                          FROM comment
                         WHERE status = 'VISIBLE' AND created_at >= now() - make_interval(days => ?1)
                         GROUP BY article_id
                         ORDER BY count DESC, article_id
                         LIMIT ?2) recent
                  JOIN article a ON a.id = recent.article_id
                 ORDER BY recent.count DESC, recent.article_id
                """)
                .setParameter(1, days)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> new MostCommented((String) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).longValue()))
                .toList();
    }
}
