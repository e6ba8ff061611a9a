package org.vigie.rules;

import java.util.ArrayList;
import java.util.List;

import org.vigie.rules.conditions.Context;

/**
 * Runs a rule set on a submission. Rules run by priority, highest first, then in file order; the first
 * enforced final action (approve, hold, reject) decides; enforced flags apply wherever they sit. Every
 * rule that matches is recorded, deciding or not, shadow rules included.
 */
public final class RuleEngine {

    static final String DEFAULT_RULE = "default";
    static final String PREMODERATED_RULE = "article.premoderated";

    private RuleEngine() {
    }

    /**
     * The outcome of the rules alone: the deciding action, if any, whether the deciding rule may reopen
     * an item a moderator approved, whether to flag, and every match.
     */
    public record Evaluation(Action decision, boolean reopen, boolean flagged, List<Match> matches) {

        public boolean decided() {
            return decision != null;
        }
    }

    public static Evaluation evaluate(RuleSet ruleSet, Submission submission) {
        return evaluate(ruleSet, new Context(submission));
    }

    /** As {@link #evaluate(RuleSet, Submission)}, on a context the caller built (with its body normalised, say). */
    public static Evaluation evaluate(RuleSet ruleSet, Context context) {
        Submission submission = context.submission();
        List<Match> matches = new ArrayList<>();
        Action decision = null;
        boolean reopen = false;
        boolean flagged = false;
        for (Rule rule : ruleSet.rules()) {
            if (!rule.on().contains(submission.event())) {
                continue;
            }
            List<Evidence> evidence = rule.when().test(context);
            if (evidence == null) {
                continue;
            }
            boolean enforced = rule.mode() == Mode.ENFORCE;
            boolean decides = enforced && rule.action().isFinal() && decision == null;
            flagged |= enforced && rule.action() == Action.FLAG;
            Match match = Match.of(rule.id(), rule.action(), rule.mode(), rule.explanation(evidence),
                    evidence.isEmpty() ? null : evidence.get(0), decides);
            if (decides) {
                decision = rule.action();
                reopen = rule.reopen();
            }
            matches.add(match);
        }
        return new Evaluation(decision, reopen, flagged, matches);
    }

    /**
     * The status of a new or edited item: the rules' decision, or else the default, VISIBLE, or PENDING
     * on a premoderated article. The default is recorded as a match too, so every status says why.
     */
    public static Verdict decide(RuleSet ruleSet, Submission submission) {
        return decide(ruleSet, new Context(submission));
    }

    /** As {@link #decide(RuleSet, Submission)}, on a context the caller built (with its body normalised, say). */
    public static Verdict decide(RuleSet ruleSet, Context context) {
        Submission submission = context.submission();
        Evaluation evaluation = evaluate(ruleSet, context);
        if (evaluation.decided()) {
            return new Verdict(evaluation.decision().status(), evaluation.flagged(), evaluation.matches());
        }
        List<Match> matches = new ArrayList<>(evaluation.matches());
        if (submission.article().premoderated()) {
            matches.add(Match.of(PREMODERATED_RULE, Action.HOLD, Mode.ENFORCE,
                    "Article prémodéré : chaque commentaire attend la validation d'un modérateur.", null, true));
            return new Verdict(ModerationStatus.PENDING, evaluation.flagged(), matches);
        }
        matches.add(Match.of(DEFAULT_RULE, Action.APPROVE, Mode.ENFORCE,
                "Aucune règle n'a retenu ce commentaire.", null, true));
        return new Verdict(ModerationStatus.VISIBLE, evaluation.flagged(), matches);
    }
}
