package org.vigie.comment;


import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.vigie.article.ArticleChanges;
import org.vigie.platform.JsonBytes;
import org.vigie.platform.VigieConfig;

/**
 * Thread pages as readers get them, kept in memory as their JSON bytes and a strong ETag.
 *
 * <p>Each article has a generation ({@link ArticleChanges}), part of its pages' keys. A change that alters
 * what readers see fires {@link ThreadChanged} in its transaction; once it commits, and before its HTTP
 * answer goes out, the article's generation moves on and its old pages can no longer be found (they leave
 * memory as the size limit requires). A page read while a change commits is kept only if the generation it was read under is
 * still current, so no page older than the last committed change is ever served from here.
 */
@ApplicationScoped
public class ThreadPages {

    private record Key(long articleId, long generation, long everywhere, ThreadOrder order, int limit, String cursor) {
    }

    @Inject
    CommentService comments;

    @Inject
    ObjectMapper json;

    @Inject
    VigieConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    ArticleChanges changes;

    private Cache<Key, JsonBytes> pages;

    @PostConstruct
    void start() {
        pages = Caffeine.newBuilder()
                .maximumWeight(config.cache().maxSize().asLongValue())
                .weigher((Key key, JsonBytes page) -> page.json().length + 256)
                .build();
    }

    public JsonBytes page(String articleKey, ThreadOrder order, int limit, String cursor) {
        Long articleId = config.cache().enabled() ? articleId(articleKey) : null;
        if (articleId == null) {
            // Not kept: an article without comments yet, or pages kept nowhere.
            return JsonBytes.of(json, comments.thread(articleKey, order, limit, cursor));
        }
        long readUnder = changes.generation(articleId);
        long everywhereUnder = changes.everywhere();
        Key key = new Key(articleId, readUnder, everywhereUnder, order, limit, cursor);
        JsonBytes kept = pages.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        JsonBytes fresh = JsonBytes.of(json, comments.thread(articleKey, order, limit, cursor));
        if (changes.generation(articleId) == readUnder && changes.everywhere() == everywhereUnder) {
            pages.put(key, fresh);
        }
        return fresh;
    }

    /** A change committed here: the pages it makes stale (one article's, or every article's) are not served again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThreadChanged change) {
        changes.changed(change.articleId());
    }

    private Long articleId(String articleKey) {
        Long known = changes.knownId(articleKey);
        if (known != null) {
            return known;
        }
        Long id = entityManager.createQuery("SELECT a.id FROM Article a WHERE a.key = :key", Long.class)
                .setParameter("key", articleKey)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (id != null) {
            changes.remember(articleKey, id);
        }
        return id;
    }
}
