package org.vigie.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.vigie.platform.Repeating;
import org.vigie.platform.VigieConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Folds the articles' count deltas into their counts. A visible post appends a delta instead of updating
 * its article's row, so posts to one article do not wait for each other; reads add the deltas not
 * folded yet, so a count is right at every moment, and folding keeps that sum short. Each fold also
 * announces the articles it folded to every instance ({@code NOTIFY vigie_threads}), which then forget
 * their pages of those threads: see migration V8.
 */
@ApplicationScoped
public class ArticleCounters {

    private static final Logger LOG = Logger.getLogger(ArticleCounters.class);

    @Inject
    EntityManager entityManager;

    @Inject
    VigieConfig config;

    /** Folds every delta committed so far; returns how many articles' counts changed. */
    @Transactional
    public int fold() {
        return foldInTransaction();
    }

    private int foldInTransaction() {
        return ((Number) entityManager.createNativeQuery("SELECT fold_article_count_deltas()").getSingleResult()).intValue();
    }

    /**
     * Folds four times a second by default ({@code vigie.counters.fold-every}), on a thread of its own; a
     * fold that fails (the database is away) loses nothing: the deltas stay and the next fold takes them.
     */
    void start(@Observes StartupEvent started) {
        folder = Repeating.start("vigie-count-folder", config.counters().foldEvery(),
                () -> QuarkusTransaction.requiringNew().run(this::foldInTransaction), LOG,
                "The articles' count deltas are not folded until the database answers again",
                "The articles' count deltas are folded again");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (folder != null) {
            folder.stop();
        }
    }

    private Repeating folder;
}
