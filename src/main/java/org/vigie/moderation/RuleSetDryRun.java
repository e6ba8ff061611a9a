package org.vigie.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.vigie.article.Article;
import org.vigie.platform.VigieConfig;
import org.vigie.rules.RuleSet;
import org.vigie.rules.Submission;
import org.vigie.rules.Verdict;
import org.vigie.ruleset.RuleSetService;

/** Evaluates a comment that is not posted: what the rules would do, and why. Stores nothing. */
@ApplicationScoped
public class RuleSetDryRun {

    @Inject
    RuleSetService ruleSets;

    @Inject
    ModerationPipeline pipeline;

    @Inject
    VigieConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public DryRunResult run(DryRunRequest request) {
        RuleSet ruleSet;
        Integer version;
        if (request.rules() != null) {
            ruleSet = ruleSets.compile(request.rules());
            version = null;
        } else {
            RuleSetService.Current current = ruleSets.current();
            ruleSet = current.ruleSet();
            version = current.version();
        }
        Article article = request.articleKey() == null ? null : Article.findByKey(request.articleKey());
        Submission.ArticleFacts facts = article != null ? article.facts()
                : new Submission.ArticleFacts(request.articleKey() == null ? "" : request.articleKey(), true,
                        config.moderation().premoderateByDefault(), null);
        Verdict verdict = pipeline.evaluate(new ModerationPipeline.Candidate(Submission.Event.CREATE, request.body(),
                request.authorName(), request.authorEmail(), null, article == null ? null : article.id, facts),
                ruleSet, version).verdict();
        return new DryRunResult(verdict.status(), verdict.flagged(), verdict.matches(), version);
    }
}
