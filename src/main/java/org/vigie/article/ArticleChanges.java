package org.vigie.article;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What readers see of articles changes: each article has a generation, which moves on with every change
 * made here (once its transaction commits, before its HTTP answer goes out) or announced by another
 * instance. What is kept in memory (thread pages, counts) records the generations it was read under, and
 * is served only while they are current.
 *
 * <p>Every generation is a value of one counter, never reused: an article whose generation was forgotten
 * (it was not read for long) gets a new one, which nothing kept before can carry.
 */
@ApplicationScoped
public class ArticleChanges {

    /** The channel on which instances tell each other which articles changed: an id, or {@link #EVERY_ARTICLE}. */
    public static final String CHANNEL = "vigie_threads";
    public static final String EVERY_ARTICLE = "*";

    /** An article's settings changed in the current transaction: its title and link are in the ranking. */
    public record SettingsChanged(long articleId) {
    }

    @Inject
    EntityManager entityManager;

    /** How many articles' generations are remembered: the articles read recently. */
    private static final int ARTICLES_REMEMBERED = 100_000;

    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong everywhere = new AtomicLong();
    private final AtomicLong any = new AtomicLong();
    private final AtomicLong highestChanged = new AtomicLong();
    private Cache<Long, AtomicLong> generations;
    /** Article keys never change their id: those read recently, so that they are not looked up again. */
    private Cache<String, Long> ids;

    @PostConstruct
    void start() {
        generations = Caffeine.newBuilder().maximumSize(ARTICLES_REMEMBERED).build();
        ids = Caffeine.newBuilder().maximumSize(ARTICLES_REMEMBERED).build();
    }

    /** The id of the article with this key, if it was read recently; null otherwise. */
    public Long knownId(String key) {
        return ids.getIfPresent(key);
    }

    /** Remembers an article's id, read with its key. */
    public void remember(String key, long id) {
        ids.put(key, id);
    }

    /** The article's current generation. */
    public long generation(long articleId) {
        return counterOf(articleId).get();
    }

    /** Moves on with a change of every article at once (an erasure, or changes this instance missed). */
    public long everywhere() {
        return everywhere.get();
    }

    /** Moves on with every change, of any article. */
    public long any() {
        return any.get();
    }

    /** The highest article id a change concerned: a change above what a reader saw may be a new article's. */
    public long highestChanged() {
        return highestChanged.get();
    }

    /** The article changed; null for every article. */
    public void changed(Long articleId) {
        if (articleId == null) {
            everywhere.incrementAndGet();
        } else {
            counterOf(articleId).accumulateAndGet(counter.incrementAndGet(), Math::max);
            highestChanged.accumulateAndGet(articleId, Math::max);
        }
        any.incrementAndGet();
    }

    /**
     * Tells the other instances that the article changed (every article for null), in the current
     * transaction: delivered when, and only if, it commits. For what leaves no count delta, which the
     * folds would announce.
     */
    public void announce(Long articleId) {
        entityManager.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, articleId == null ? EVERY_ARTICLE : articleId.toString())
                .getSingleResult();
    }

    void announce(@Observes(during = TransactionPhase.IN_PROGRESS) SettingsChanged change) {
        announce(change.articleId());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
        changed(change.articleId());
    }

    private AtomicLong counterOf(long articleId) {
        return generations.get(articleId, id -> new AtomicLong(counter.incrementAndGet()));
    }
}
