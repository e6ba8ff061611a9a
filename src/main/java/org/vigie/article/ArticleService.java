package org.vigie.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.vigie.platform.Rows;
import org.vigie.platform.Times;
import org.vigie.platform.VigieConfig;
import org.vigie.rules.Submission;
import org.vigie.webhook.WebhookData;
import org.vigie.webhook.WebhookEventType;
import org.vigie.webhook.WebhookOutbox;

/** Articles: created on their first comment, configured by moderators, counted for listing pages. */
@ApplicationScoped
public class ArticleService {

    @Inject
    EntityManager entityManager;

    @Inject
    VigieConfig config;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    @Inject
    Event<ArticleChanges.SettingsChanged> settingsChanged;

    /** What a new comment needs of its article: its id, and what the rules may know of it. */
    public record Target(long id, Submission.ArticleFacts facts) {
    }

    /**
     * The article with this key, created with the default settings if it is new. Reads only what posting
     * needs, not the count (which adds up the deltas not folded yet).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Target findOrCreate(String key) {
        Optional<Target> article = target(key);
        if (article.isPresent()) {
            return article.get();
        }
        insertIfMissing(key);
        return target(key).orElseThrow();
    }

    private Optional<Target> target(String key) {
        return Rows.list(entityManager.createNativeQuery("SELECT " + TARGET + " FROM article a WHERE a.article_key = :articleKey",
                Tuple.class).setParameter("articleKey", key), ArticleService::target).stream().findFirst();
    }

    /**
     * The columns of a {@link Target}, selected from {@code article a}: a statement that has more to do
     * before posting may read the article along, then {@link #target(Rows.Row)} (null when no article).
     */
    public static final String TARGET = "a.id AS article_id, a.article_key, a.open AS article_open,"
            + " a.premoderated AS article_premoderated, a.created_at AS article_created_at";

    public static Target target(Rows.Row row) {
        Long id = row.nullableLong("article_id");
        return id == null ? null : new Target(id, new Submission.ArticleFacts(row.string("article_key"),
                row.bool("article_open"), row.bool("article_premoderated"), row.instant("article_created_at")));
    }

    /** Whether this call created the article: of two first comments at once, only one does. */
    private boolean insertIfMissing(String key) {
        return entityManager.createNativeQuery(
                "INSERT INTO article (article_key, premoderated, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)"
                        + " ON CONFLICT (article_key) DO NOTHING")
                .setParameter(1, key)
                .setParameter(2, config.moderation().premoderateByDefault())
                .setParameter(3, Times.now(clock))
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
        article.updatedAt = Times.now(clock);
        article.persistAndFlush();
        entityManager.refresh(article);
        settingsChanged.fire(new ArticleChanges.SettingsChanged(article.id));
        webhooks.record(WebhookEventType.ARTICLE_SETTINGS_CHANGED, () -> new WebhookData.ArticleEvent(article.key, article.title,
                article.url, article.open, article.premoderated, created));
        return new Updated(ArticleSettings.of(article), created);
    }

    /**
     * Counts read: per key asked, in that order (unknown keys count 0); the ids of the keys that are
     * articles; and the newest article's id then.
     */
    public record Counts(Map<String, Integer> counts, Map<String, Long> ids, long newestArticle) {
    }

    /** Visible comments and replies per key, in the order asked; unknown keys count 0. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts counts(List<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Long> ids = new HashMap<>();
        keys.forEach(key -> counts.put(key, 0));
        long[] newest = { 0 };
        if (!keys.isEmpty()) {
            Rows.forEach(entityManager.createNativeQuery("SELECT n.newest, a.article_key, a.id, v.visible_count"
                    + " FROM (SELECT max(id) AS newest FROM article) n"
                    + " LEFT JOIN article a ON a.article_key IN (:keys)"
                    + " LEFT JOIN article_visible_count v ON v.article_id = a.id", Tuple.class)
                    .setParameter("keys", keys), row -> {
                        newest[0] = row.count("newest");
                        if (row.string("article_key") != null) {
                            counts.put(row.string("article_key"), row.integer("visible_count"));
                            ids.put(row.string("article_key"), row.count("id"));
                        }
                    });
        }
        return new Counts(counts, ids, newest[0]);
    }

    /** Articles with the most visible comments created in the last {@code days} days. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MostCommented> mostCommented(int days, int limit) {
        return Rows.list(entityManager.createNativeQuery("""
                SELECT a.article_key, a.title, a.url, recent.count
                  FROM (SELECT article_id, count(*) AS count
                          FROM comment
                         WHERE status = 'VISIBLE' AND created_at >= ?1
                         GROUP BY article_id
                         ORDER BY count DESC, article_id
                         LIMIT ?2) recent
                  JOIN article a ON a.id = recent.article_id
                 ORDER BY recent.count DESC, recent.article_id
                """, Tuple.class)
                .setParameter(1, clock.instant().minus(days, ChronoUnit.DAYS))
                .setParameter(2, limit), row -> new MostCommented(row.string("article_key"), row.string("title"),
                        row.string("url"), row.count("count")));
    }
}
