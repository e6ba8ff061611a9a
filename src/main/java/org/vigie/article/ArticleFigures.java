package org.vigie.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.vigie.platform.JsonBytes;
import org.vigie.platform.VigieConfig;

/**
 * Articles' counts and the "most commented" ranking as readers get them, kept in memory as JSON bytes
 * with a strong ETag, like thread pages.
 *
 * <p>Counts are kept with the generations ({@link ArticleChanges}) of the articles they count, read before
 * the query: they are served while none of those articles changed since, so never older than the last
 * change committed here or announced by another instance. Counts that include keys of no article yet are
 * also forgotten when any article newer than the newest one then existing changes (it may be one of them).
 * The ranking counts every article's recent comments: it is kept while no comment anywhere changes, and
 * for a minute at most, as comments leave its window of days.
 */
@ApplicationScoped
public class ArticleFigures {

    private record KeptCounts(JsonBytes figures, Map<Long, Long> generations, long everywhere, long newestArticle) {
    }

    private record KeptRanking(JsonBytes figures, long changes, long readAt) {
    }

    private static final int KEPT = 10_000;
    private static final long RANKING_WINDOW_DRIFT = 60_000_000_000L;

    @Inject
    ArticleService articles;

    @Inject
    ArticleChanges changes;

    @Inject
    ObjectMapper json;

    @Inject
    VigieConfig config;

    private Cache<List<String>, KeptCounts> counts;
    private Cache<List<Integer>, KeptRanking> rankings;

    @PostConstruct
    void start() {
        counts = Caffeine.newBuilder().maximumSize(KEPT).build();
        rankings = Caffeine.newBuilder().maximumSize(KEPT).build();
    }

    /** Visible comments and replies per key, in the order asked; unknown keys count 0. */
    public JsonBytes counts(List<String> keys) {
        if (!config.cache().enabled()) {
            return JsonBytes.of(json, articles.counts(keys).counts());
        }
        KeptCounts kept = counts.getIfPresent(keys);
        if (kept != null && current(kept)) {
            return kept.figures();
        }
        // The generations of the articles known, read before the query: a change that commits meanwhile
        // moves one on, and what the query read is not kept.
        long everywhere = changes.everywhere();
        Map<Long, Long> before = new HashMap<>();
        for (String key : keys) {
            Long id = changes.knownId(key);
            if (id != null) {
                before.put(id, changes.generation(id));
            }
        }
        ArticleService.Counts read = articles.counts(keys);
        read.ids().forEach(changes::remember);
        JsonBytes fresh = JsonBytes.of(json, read.counts());
        boolean allKnown = before.keySet().containsAll(read.ids().values());
        boolean unchanged = changes.everywhere() == everywhere
                && before.entrySet().stream().allMatch(entry -> changes.generation(entry.getKey()) == entry.getValue());
        if (allKnown && unchanged) {
            boolean unknownKeys = read.ids().size() < keys.size();
            counts.put(List.copyOf(keys), new KeptCounts(fresh, Map.copyOf(before), everywhere,
                    unknownKeys ? read.newestArticle() : Long.MAX_VALUE));
        }
        return fresh;
    }

    private boolean current(KeptCounts kept) {
        return changes.everywhere() == kept.everywhere()
                && changes.highestChanged() <= kept.newestArticle()
                && kept.generations().entrySet().stream().allMatch(entry -> changes.generation(entry.getKey()) == entry.getValue());
    }

    /** Articles with the most visible comments created in the last {@code days} days. */
    public JsonBytes mostCommented(int days, int limit) {
        if (!config.cache().enabled()) {
            return JsonBytes.of(json, articles.mostCommented(days, limit));
        }
        List<Integer> key = List.of(days, limit);
        KeptRanking kept = rankings.getIfPresent(key);
        long now = System.nanoTime();
        if (kept != null && changes.any() == kept.changes() && now - kept.readAt() < RANKING_WINDOW_DRIFT) {
            return kept.figures();
        }
        long before = changes.any();
        JsonBytes fresh = JsonBytes.of(json, articles.mostCommented(days, limit));
        if (changes.any() == before) {
            rankings.put(key, new KeptRanking(fresh, before, now));
        }
        return fresh;
    }
}
