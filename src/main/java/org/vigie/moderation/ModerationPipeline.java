package org.vigie.moderation;

import jakarta.enterprise.context.ApplicationScoped;

import org.vigie.article.ArticleClosed;
import org.vigie.rules.ModerationStatus;
import org.vigie.rules.Submission;
import org.vigie.rules.Verdict;

/**
 * The one road every new item takes to get its status. It applies the article's own settings: a
 * closed article takes nothing, a premoderated one holds everything. The rules engine plugs in here.
 */
@ApplicationScoped
public class ModerationPipeline {

    static final String PREMODERATED = "article.premoderated";
    static final String DEFAULT = "default";

    /** Decides the status of a submission, or throws {@link ArticleClosed}. */
    public Verdict decide(Submission submission) {
        Submission.ArticleFacts article = submission.article();
        if (!article.open()) {
            throw new ArticleClosed(article.key());
        }
        if (article.premoderated()) {
            return Verdict.of(ModerationStatus.PENDING, PREMODERATED,
                    "Article prémodéré : chaque commentaire attend la validation d'un modérateur.");
        }
        return Verdict.of(ModerationStatus.VISIBLE, DEFAULT, "Aucune règle n'a retenu ce commentaire.");
    }
}
