package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped rule set: it compiles, passes its own tests, and decides as the README says. */
class DefaultRulesTest {

    static RuleSet defaults;

    @BeforeAll
    static void compile() throws IOException, InvalidRuleSet {
        try (InputStream in = DefaultRulesTest.class.getResourceAsStream("/rules/default-rules.yaml")) {
            defaults = new RuleSetParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Verdict decide(String body) {
        return RuleEngine.decide(defaults, Submission.comment(body)
                .withAuthor(new Submission.AuthorFacts(3, 0, 0, false, false)));
    }

    @Test
    void shippedRulesCompileAndPassTheirTests() {
        assertTrue(defaults.testCount() > 40, "tests run: " + defaults.testCount());
        assertEquals("spam-domain", defaults.rules().get(0).id());
    }

    @ParameterizedTest(name = "rejected: {0}")
    @ValueSource(strings = { "Sale bougnoule", "Des y0upins", "Sale pédé", "nique ta race", "Those f4ggots",
            "Espèce de b*ugnoule", "Je vais te crever" })
    void slursAndThreatsAreRejected(String body) {
        Verdict verdict = decide(body);
        assertEquals(ModerationStatus.REJECTED, verdict.status(), verdict.matches().toString());
        assertEquals("hate", verdict.matches().stream().filter(Match::decisive).findFirst().orElseThrow().evidence().grade());
    }

    @ParameterizedTest(name = "held: {0}")
    @ValueSource(strings = { "Espèce de connard", "Sale enfoiré", "t'es qu'un enculé", "Va te faire foutre",
            "Pauvre c0nn4sse", "nique ta mère", "What a motherfucker", "Quels enculés", "Ces enfoirés d'arbitres",
            "Espèce de c*nnard", "enc#lé", "con.nard", "co nn ard", "s-a-l-o-p-e", "Those fuckers" })
    void insultsAndTheirDisguisesAndFamiliesAreHeld(String body) {
        Verdict verdict = decide(body);
        assertEquals(ModerationStatus.PENDING, verdict.status(), verdict.matches().toString());
        assertEquals("strong", verdict.matches().stream().filter(Match::decisive).findFirst().orElseThrow().evidence().grade());
    }

    @ParameterizedTest(name = "flagged and visible: {0}")
    @ValueSource(strings = { "Quel crétin ce ministre", "Espèce d'idiot", "Bande de guignols", "You moron", "T'es nul" })
    void nameCallingStaysVisibleAndIsFlagged(String body) {
        Verdict verdict = decide(body);
        assertEquals(ModerationStatus.VISIBLE, verdict.status(), verdict.matches().toString());
        assertTrue(verdict.flagged(), verdict.matches().toString());
        assertEquals("mild", verdict.matches().stream().filter(m -> m.ruleId().equals("mild-insult")).findFirst().orElseThrow()
                .evidence().grade());
    }

    @ParameterizedTest(name = "contact held: {0}")
    @ValueSource(strings = { "Appelez le 06 12 34 56 78", "whatsapp +44 20 7946 0958", "écrivez à jean.dupont@gmail.com",
            "julie [at] yahoo [dot] fr", "Ajoute-moi sur snap : julie_93", "gagner-vite[.]net", "exemple (point) org",
            "h t t p s : / / exemple . com", "hxxps://pharmacie-discount.biz" })
    void contactsAndDisguisedLinksAreHeld(String body) {
        Verdict verdict = decide(body);
        assertEquals(ModerationStatus.PENDING, verdict.status(), verdict.matches().toString());
    }

    @ParameterizedTest(name = "visible: {0}")
    @ValueSource(strings = { "L'O.N.U. et l'U.E.", "Viendra-t-elle ?", "Hôtel 3* en bord de mer", "Prix* hors taxes",
            "cf. p. ex. l'article", "- premier point - second point", "Loi n° 2021-1109 du 24 août 2021",
            "1 250 000 € pour 67 390 000 habitants", "Le 12/06/2024 à 06h30", "Un pique-nique au parc",
            "Le point de vue du ministre", "@Le Monde merci", "Un point fort de la réforme", "Les ordures ménagères",
            "Il a pu te voir", "La salle des fêtes", "Les cônes de signalisation", "Le fagot de bois", "Le Niger",
            "Un chiot adorable", "La tringle à rideaux", "Les pneus crissent", "Un travail abrutissant", "Des boulettes de viande",
            "Une tare génétique", "Il demeure à Lyon", "La tronche du jour", "A chink in the armour", "La prime a baissé" })
    void ordinaryTypographyNumbersAndWordsStayVisible(String body) {
        Verdict verdict = decide(body);
        assertEquals(ModerationStatus.VISIBLE, verdict.status(), verdict.matches().toString());
        assertTrue(!verdict.flagged(), verdict.matches().toString());
    }

    @ParameterizedTest(name = "held: {0}")
    @ValueSource(strings = { "Putain, encore une hausse", "C'est de la merde", "Quel bordel ce gouvernement",
            "Lisez www.exemple.fr", "C'EST INADMISSIBLE, DÉMISSION DU MINISTRE !",
            "Nooooooooooooooon" })
    void everydayVulgarityLinksShoutingAndJunkAreHeld(String body) {
        assertEquals(ModerationStatus.PENDING, decide(body).status(), decide(body).matches().toString());
    }

    @ParameterizedTest(name = "visible: {0}")
    @ValueSource(strings = { "Le député a voté contre le budget", "Un calcul électoral", "Le conseil constitutionnel",
            "Une analyse pertinente", "Il habite à Scunthorpe", "Un verre de Cassis", "La queue devant la préfecture",
            "Le procès pour viol s'ouvre lundi", "Le cône de signalisation", "Bravo pour cet article !" })
    void innocentCommentsAreVisible(String body) {
        Verdict verdict = decide(body);
        assertEquals(ModerationStatus.VISIBLE, verdict.status(), verdict.matches().toString());
    }

    @Test
    void aNewAuthorIsOnlyRecordedInShadowMode() {
        Verdict verdict = RuleEngine.decide(defaults, Submission.comment("Mon premier commentaire"));
        assertEquals(ModerationStatus.VISIBLE, verdict.status());
        Match shadow = verdict.matches().get(0);
        assertEquals("new-author", shadow.ruleId());
        assertEquals("shadow", shadow.mode());
    }

    @Test
    void spamDomainsAreRejectedBeforeTheyAreHeldAsLinks() {
        Verdict verdict = decide("Promo sur https://100dollars-seo.com !");
        assertEquals(ModerationStatus.REJECTED, verdict.status());
        assertEquals(List.of("spam-domain", "links"), verdict.matches().stream().map(Match::ruleId).toList());
    }

    @Test
    void reportsFlagThenHide() {
        Submission once = Submission.comment("x").withEvent(Submission.Event.REPORT)
                .withReports(new Submission.ReportFacts(1, Map.of("SPAM", 1)));
        RuleEngine.Evaluation first = RuleEngine.evaluate(defaults, once);
        assertTrue(first.flagged());
        assertTrue(!first.decided());
        RuleEngine.Evaluation third = RuleEngine.evaluate(defaults,
                once.withReports(new Submission.ReportFacts(3, Map.of("SPAM", 3))));
        assertEquals(Action.HOLD, third.decision());
        RuleEngine.Evaluation hate = RuleEngine.evaluate(defaults,
                once.withReports(new Submission.ReportFacts(1, Map.of("HATE", 1))));
        assertEquals(Action.HOLD, hate.decision());
    }
}
