package org.vigie.comment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.vigie.article.Article;
import org.vigie.platform.VigieConfig;

/**
 * Thread pages as readers get them, kept in memory as their JSON bytes and a strong ETag.
 *
 * <p>Each article has a generation, part of its pages' keys. A change that alters what readers see fires
 * {@link ThreadChanged} in its transaction; once it commits, and before its HTTP answer goes out, the
 * article's generation moves on and its old pages can no longer be found (they leave memory as the size
 * limit requires). A page read while a change commits is kept only if the generation it was read under is
 * still current, so no page older than the last committed change is ever served from here.
 */
@ApplicationScoped
public class ThreadPages {

    /** A page: its JSON and the strong ETag of those bytes. */
    public record Page(byte[] json, String etag) {
    }

    private record Key(long articleId, long generation, long everywhere, ThreadOrder order, int limit, String cursor) {
    }

    @Inject
    CommentService comments;

    @Inject
    ObjectMapper json;

    @Inject
    VigieConfig config;

    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong everywhere = new AtomicLong();
    /** Article keys never change their id: known ones are not looked up again. */
    private final Map<String, Long> articleIds = new ConcurrentHashMap<>();
    private Cache<Key, Page> pages;

    @PostConstruct
    void start() {
        pages = Caffeine.newBuilder()
                .maximumWeight(config.cache().maxSize().asLongValue())
                .weigher((Key key, Page page) -> page.json().length + 256)
                .build();
    }

    public Page page(String articleKey, ThreadOrder order, int limit, String cursor) {
        Long articleId = config.cache().enabled() ? articleId(articleKey) : null;
        if (articleId == null) {
            // Not kept: an article without comments yet, or pages kept nowhere.
            return serialize(comments.thread(articleKey, order, limit, cursor));
        }
        AtomicLong generation = generation(articleId);
        long readUnder = generation.get();
        long everywhereUnder = everywhere.get();
        Key key = new Key(articleId, readUnder, everywhereUnder, order, limit, cursor);
        Page kept = pages.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        Page fresh = serialize(comments.thread(articleKey, order, limit, cursor));
        if (generation.get() == readUnder && everywhere.get() == everywhereUnder) {
            pages.put(key, fresh);
        }
        return fresh;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThreadChanged change) {
        forget(change);
    }

    /** Forgets the pages a change makes stale: one article's, or every article's. */
    void forget(ThreadChanged change) {
        if (change.articleId() == null) {
            everywhere.incrementAndGet();
        } else {
            generation(change.articleId()).incrementAndGet();
        }
    }

    private AtomicLong generation(long articleId) {
        return generations.computeIfAbsent(articleId, id -> new AtomicLong());
    }

    private Long articleId(String articleKey) {
        Long known = articleIds.get(articleKey);
        if (known != null) {
            return known;
        }
        Article article = Article.findByKey(articleKey);
        if (article == null) {
            return null;
        }
        articleIds.put(articleKey, article.id);
        return article.id;
    }

    private Page serialize(ThreadPage page) {
        try {
            byte[] bytes = json.writeValueAsBytes(page);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Page(bytes, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not write a thread page", e);
        }
    }
}
