package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.rules.conditions.Context;
import org.vigie.rules.normalize.NormalizedText;

class RuleEngineTest {

    private static RuleSet rules(String yaml) throws InvalidRuleSet {
        return new RuleSetParser(file -> java.util.Optional.empty()).parse(yaml);
    }

    private static final String RULES = """
            lists:
              insults: [connard]
              vulgar: [merde]
            rules:
              - id: vulgar
                priority: 10
                when: { text: { list: vulgar } }
                action: hold
                explain: "Vulgarité : « {match.original} »"
              - id: insult
                priority: 50
                when: { text: { list: insults, fields: [body, authorName] } }
                action: reject
                explain: "Insulte : « {match.original} » ({match.normalized}, {match.field})"
              - id: short
                when: { length: { max: 3 } }
                action: flag
                explain: Très court
              - id: trusted
                priority: 50
                when: { author: { approvedAtLeast: 10 } }
                action: approve
                explain: Auteur fiable
              - id: new-author
                when: { author: { approvedAtMost: 0 } }
                action: hold
                mode: shadow
                explain: Premier commentaire
              - id: reported
                on: report
                when: { reports: { reportersAtLeast: 1 } }
                action: flag
            """;

    @Test
    void theHighestPriorityFinalMatchDecidesAndEveryMatchIsRecorded() throws InvalidRuleSet {
        Verdict verdict = RuleEngine.decide(rules(RULES), Submission.comment("Quel connard, merde !"));
        assertEquals(ModerationStatus.REJECTED, verdict.status());
        assertEquals(List.of("insult", "vulgar", "new-author"), verdict.matches().stream().map(Match::ruleId).toList());
        Match insult = verdict.matches().get(0);
        assertTrue(insult.decisive());
        assertEquals("Insulte : « connard » (connard, body)", insult.explanation());
        assertEquals(new Evidence("body", "connard", "connard", 5, 12), insult.evidence());
        assertFalse(verdict.matches().get(1).decisive(), "recorded, but the insult already decided");
    }

    @Test
    void equalPrioritiesRunInFileOrder() throws InvalidRuleSet {
        Submission trustedButRude = Submission.comment("connard")
                .withAuthor(new Submission.AuthorFacts(50, 0, 0, false, false));
        Verdict verdict = RuleEngine.decide(rules(RULES), trustedButRude);
        assertEquals(ModerationStatus.REJECTED, verdict.status(), "insult comes before trusted in the file");
        assertEquals(List.of("insult", "trusted"), verdict.matches().stream().map(Match::ruleId).toList());
    }

    @Test
    void approveIsAFinalActionToo() throws InvalidRuleSet {
        Submission trusted = Submission.comment("Merde alors, quel article !")
                .withAuthor(new Submission.AuthorFacts(50, 0, 0, false, false));
        Verdict verdict = RuleEngine.decide(rules(RULES), trusted);
        assertEquals(ModerationStatus.VISIBLE, verdict.status());
        assertEquals("trusted", verdict.decisive().orElseThrow().ruleId());
    }

    @Test
    void shadowRulesAreRecordedButNeverDecide() throws InvalidRuleSet {
        Verdict verdict = RuleEngine.decide(rules(RULES), Submission.comment("Bonjour à tous"));
        assertEquals(ModerationStatus.VISIBLE, verdict.status());
        Match shadow = verdict.matches().get(0);
        assertEquals("new-author", shadow.ruleId());
        assertEquals("shadow", shadow.mode());
        assertEquals("hold", shadow.action());
        assertFalse(shadow.decisive());
        assertEquals("default", verdict.decisive().orElseThrow().ruleId());
    }

    @Test
    void flagsApplyWhereverTheySitWithoutDecidingTheStatus() throws InvalidRuleSet {
        Verdict visible = RuleEngine.decide(rules(RULES), Submission.comment("Oui")
                .withAuthor(new Submission.AuthorFacts(1, 0, 0, false, false)));
        assertEquals(ModerationStatus.VISIBLE, visible.status());
        assertTrue(visible.flagged());
        Verdict held = RuleEngine.decide(rules(RULES), Submission.comment("Merde"));
        assertEquals(ModerationStatus.PENDING, held.status());
        assertFalse(held.flagged(), "'Merde' is 5 characters: no flag");
    }

    @Test
    void withoutAFinalMatchTheArticleDecides() throws InvalidRuleSet {
        Submission onPremoderated = Submission.comment("Bonjour à tous")
                .withArticle(new Submission.ArticleFacts("a", true, true, Instant.EPOCH))
                .withAuthor(new Submission.AuthorFacts(3, 0, 0, false, false));
        Verdict verdict = RuleEngine.decide(rules(RULES), onPremoderated);
        assertEquals(ModerationStatus.PENDING, verdict.status());
        assertEquals("article.premoderated", verdict.decisive().orElseThrow().ruleId());
    }

    @Test
    void rulesRunOnlyOnTheirEvents() throws InvalidRuleSet {
        Submission report = Submission.comment("connard").withEvent(Submission.Event.REPORT)
                .withReports(new Submission.ReportFacts(1, Map.of("ABUSE", 1)));
        RuleEngine.Evaluation evaluation = RuleEngine.evaluate(rules(RULES), report);
        assertEquals(List.of("reported"), evaluation.matches().stream().map(Match::ruleId).toList());
        assertTrue(evaluation.flagged());
        assertFalse(evaluation.decided());
    }

    @Test
    void theAuthorNameIsReadWhenTheRuleSaysSo() throws InvalidRuleSet {
        Verdict verdict = RuleEngine.decide(rules(RULES), Submission.comment("Bonjour").withAuthorName("C0nnard du 93"));
        assertEquals(ModerationStatus.REJECTED, verdict.status());
        assertEquals("authorName", verdict.matches().get(0).evidence().field());
        assertEquals("C0nnard", verdict.matches().get(0).evidence().original());
    }

    @Test
    void aBodyNormalisedByTheCallerGivesTheSameVerdict() throws InvalidRuleSet {
        RuleSet rules = rules(RULES);
        Submission submission = Submission.comment("Quel c0nnard, merde !").withAuthorName("Connard");
        Verdict verdict = RuleEngine.decide(rules, new Context(submission, NormalizedText.of(submission.body())));
        assertEquals(RuleEngine.decide(rules, submission), verdict);
        assertEquals(RuleEngine.evaluate(rules, submission),
                RuleEngine.evaluate(rules, new Context(submission, NormalizedText.of(submission.body()))));
    }
}
