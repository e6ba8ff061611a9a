package org.vigie.article;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

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

    /** How many articles' generations are remembered: the articles read recently. */
    private static final int ARTICLES_REMEMBERED = 100_000;

    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong everywhere = new AtomicLong();
    private final AtomicLong any = new AtomicLong();
    private final AtomicLong highestChanged = new AtomicLong();
    private Cache<Long, AtomicLong> generations;

    @PostConstruct
    void start() {
        generations = Caffeine.newBuilder().maximumSize(ARTICLES_REMEMBERED).build();
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

    private AtomicLong counterOf(long articleId) {
        return generations.get(articleId, id -> new AtomicLong(counter.incrementAndGet()));
    }
}
