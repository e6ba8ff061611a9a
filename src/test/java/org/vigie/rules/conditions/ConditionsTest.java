package org.vigie.rules.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.rules.Evidence;
import org.vigie.rules.Submission;
import org.vigie.rules.Submission.HistoryQuery;
import org.vigie.rules.Submission.HistoryQuery.Kind;
import org.vigie.rules.Submission.HistoryQuery.Scope;
import org.vigie.rules.lists.DomainList;
import org.vigie.rules.lists.TextMode;
import org.vigie.rules.lists.WordList;

class ConditionsTest {

    private static Context context(String body) {
        return new Context(Submission.comment(body));
    }

    // ----- text ----------------------------------------------------------------------------------

    @Test
    void textConditionsSharingAnExceptionListEachLeaveItsWordsOut() {
        WordList innocent = WordList.of(List.of("cul-de-sac", "gueule de bois"));
        TextCondition vulgar = new TextCondition(WordList.of(List.of("cul")), TextMode.WORD,
                List.of(Field.BODY, Field.AUTHOR_NAME), innocent);
        TextCondition rude = new TextCondition(WordList.of(List.of("gueule")), TextMode.WORD, List.of(Field.BODY),
                innocent);
        Context context = new Context(Submission.comment("Un cul-de-sac, une gueule de bois, quel cul")
                .withAuthorName("gueule de cul"));
        List<Evidence> vulgarEvidence = vulgar.test(context);
        assertEquals(List.of(new Evidence("body", "cul", "cul", 40, 43), new Evidence("authorName", "cul", "cul", 10, 13)),
                vulgarEvidence);
        assertNull(rude.test(context), "the only gueule is in an exception");
        assertEquals(List.of(new Evidence("authorName", "gueule", "gueule", 0, 6)),
                new TextCondition(WordList.of(List.of("gueule")), TextMode.WORD, List.of(Field.AUTHOR_NAME), innocent)
                        .test(context));
        assertEquals(vulgarEvidence, vulgar.test(context), "the exceptions found once read the same again");
    }

    // ----- links ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1} link(s)")
    @CsvSource(delimiterString = " => ", value = {
            "Rien à voir ici. => 0",
            "Voir https://example.org/page?x=1 => 1",
            "Voir http://example.org et https://autre.fr/x => 2",
            "Allez sur www.pharmacie-discount.com vite => 1",
            "Achetez sur pharmacie-discount.com ! => 1",
            "PHARMACIE-DISCOUNT.COM => 1",
            "ｐｈａｒｍａｃｉｅ．ｃｏｍ => 1",
            "<a href='https://spam.example/x'>ici</a> => 1",
            "<a href=\"/relative\">ici</a> => 0",
            "C'est fini.Il faut voter. Bravo.La suite => 0",
            "Le fichier logo.ai et main.cc => 0",
            "Écrivez à jean.de@exemple.fr => 0",
            "Voir 4musk.host ou airdrops.promo => 2",
            "VOIR PHARMACIE.COM => 1",
            "(voir lemonde.fr) => 1",
            "lemonde.fr et liberation.fr => 2",
            "Écrivez à jean@example.com => 0",
            "Le fichier readme.md et setup.py => 0",
            "M. Dupont a 1.5 million, etc. => 0",
            "Fin de phrase.Début de la suivante => 0",
            "Le rapport.pdf est sur le site => 0" })
    void linksAreCountedHoweverTheyAreWritten(String body, int expected) {
        List<Evidence> evidence = new LinksCondition(1, null, null).test(context(body));
        assertEquals(expected, evidence == null ? 0 : evidence.size(), body + " → " + evidence);
    }

    @Test
    void linkEvidenceShowsTheLinkAsTypedAndItsHost() {
        String body = "Promo sur WWW.Pharmacie-Discount.com/offre !";
        Evidence link = new LinksCondition(1, null, null).test(context(body)).get(0);
        assertEquals("WWW.Pharmacie-Discount.com/offre", link.original());
        assertEquals("www.pharmacie-discount.com", link.normalized());
        assertEquals(link.original(), body.substring(link.start(), link.end()));
    }

    @Test
    void linksToDeniedDomainsAndTheirSubdomainsAreFound() {
        DomainList spam = DomainList.of(List.of("pharmacie-discount.com", "casino-en-ligne.net"));
        LinksCondition to = new LinksCondition(1, spam, null);
        assertNotNull(to.test(context("https://www.pharmacie-discount.com/a")));
        assertNotNull(to.test(context("promo.casino-en-ligne.net")));
        assertNull(to.test(context("https://notpharmacie-discount.com")));
        assertNull(to.test(context("https://lemonde.fr")));
        assertEquals("pharmacie-discount.com", to.test(context("shop.pharmacie-discount.com")).get(0).normalized());
    }

    @Test
    void domainListsReadEntriesAndHostsWrittenInManyWays() {
        DomainList spam = DomainList.of(List.of(" https://Pharmacie-Discount.COM./offre ", "*.casino-en-ligne.net",
                "pâtisserie-promo.fr:8080", "   ", "xn--caf-dma.fr"));
        LinksCondition to = new LinksCondition(1, spam, null);
        assertEquals("pharmacie-discount.com", to.test(context("https://user:pw@www.pharmacie-discount.com:443/a"))
                .get(0).normalized());
        assertEquals("casino-en-ligne.net", to.test(context("https://*.casino-en-ligne.net/x")).get(0).normalized());
        assertEquals("xn--ptisserie-promo-3jb.fr", to.test(context("PÂTISSERIE-PROMO.FR")).get(0).normalized());
        assertEquals("xn--caf-dma.fr", to.test(context("http://café.fr。/menu")).get(0).normalized());
        assertNull(to.test(context("https://notcasino-en-ligne.net")));

        List<Evidence> counted = new LinksCondition(1, null, null)
                .test(context("Voir https://*.casino-en-ligne.net/x et http://café.fr．/menu"));
        assertEquals(List.of(new Evidence("body", "https://*.casino-en-ligne.net/x", "*.casino-en-ligne.net", 5, 36),
                new Evidence("body", "http://café.fr．/menu", "xn--caf-dma.fr", 40, 60)), counted);
    }

    @Test
    void aLongDottedTextIsReadInLinearTimeWithoutCrashing() {
        String body = "a.".repeat(2500);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> new LinksCondition(1, null, null).test(context(body)));
    }

    @Test
    void aLookAlikeLetterCannotPassALinkOffAsTheSitesOwn() {
        DomainList own = DomainList.of(List.of("journal-exemple.fr"));
        LinksCondition links = new LinksCondition(1, null, own);
        assertNull(links.test(context("journal-exemple.fr/promo")));
        // Cyrillic о: another domain (xn--…), so it counts.
        assertNotNull(links.test(context("j\u043Eurnal-exemple.fr/promo")));
    }

    @Test
    void unknownTopLevelDomainsAreStillCheckedAgainstDomainLists() {
        DomainList spam = DomainList.of(List.of("free-crypto.weird"));
        assertNotNull(new LinksCondition(1, spam, null).test(context("claim on free-crypto.weird now")));
        assertNull(new LinksCondition(1, null, null).test(context("claim on free-crypto.weird now")),
                "not counted as a link: .weird is no known top-level domain");
    }

    @Test
    void ignoredDomainsAreNotCounted() {
        DomainList own = DomainList.of(List.of("journal-exemple.fr"));
        LinksCondition links = new LinksCondition(1, null, own);
        assertNull(links.test(context("Lire https://www.journal-exemple.fr/article-2")));
        assertNotNull(links.test(context("Lire https://www.journal-exemple.fr/a et spam-promo.com")));
        assertNull(new LinksCondition(2, null, null).test(context("un seul lien.fr")));
    }

    // ----- caps, repeats, length -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}: shouting = {1}")
    @CsvSource(delimiterString = " => ", value = {
            "C'EST SCANDALEUX, DÉMISSION IMMÉDIATE ! => true",
            "C'est scandaleux, démission immédiate ! => false",
            "OK => false",
            "La SNCF et la RATP sont en grève => false",
            "ÇA SUFFIT MAINTENANT AVEC CES IMPÔTS => true" })
    void shoutingIsAShareOfCapitalsOverEnoughLetters(String body, boolean shouting) {
        assertEquals(shouting, new CapsCondition(0.7, 20).test(context(body)) != null, body);
    }

    @ParameterizedTest(name = "{0}: junk = {1}")
    @CsvSource(delimiterString = " => ", value = {
            "Nooooooooooooon => true",
            "Non !!!!!!!!!!!! => true",
            "😂😂😂😂😂😂😂😂😂😂😂 => true",
            "Bravo !!! => false",
            "spam spam spam spam spam => true",
            "très très très bien => false",
            "Le 1000000 d'euros => false" })
    void junkIsALongRunOfOneCharacterOrWord(String body, boolean junk) {
        assertEquals(junk, new RepeatsCondition(10, 5).test(context(body)) != null, body);
    }

    @Test
    void repeatedRunEvidenceIsTheRunAsTyped() {
        String body = "Nooooooooooooon !";
        Evidence run = new RepeatsCondition(10, 0).test(context(body)).get(0);
        assertEquals("ooooooooooooo", run.original());
        assertEquals(run.original(), body.substring(run.start(), run.end()));
    }

    @Test
    void lengthIsCountedInCharactersAfterTrimming() {
        assertNotNull(new LengthCondition(null, 2).test(context("  ok  ")));
        assertNull(new LengthCondition(null, 2).test(context("oui")));
        assertNotNull(new LengthCondition(3, null).test(context("😀😀😀")));
        assertNull(new LengthCondition(3, 5).test(context("six c.")));
    }

    // ----- regex ---------------------------------------------------------------------------------

    @Test
    void regexReadsTheFoldedTextByDefaultAndShowsTheSpanAsTyped() {
        String body = "Gagnez 1000 € : CLIQUEZ ICI";
        Evidence hit = new RegexCondition(Pattern.compile("cliquez\\s+ici"), List.of(Field.BODY), false).test(context(body))
                .get(0);
        assertEquals("CLIQUEZ ICI", hit.original());
        assertEquals("cliquez ici", hit.normalized());
        assertNull(new RegexCondition(Pattern.compile("cliquez"), List.of(Field.BODY), true).test(context(body)));
        assertNotNull(new RegexCondition(Pattern.compile("(?i)cliquez"), List.of(Field.BODY), true).test(context(body)));
    }

    @Test
    void regexRunsInLinearTimeOnPathologicalInput() {
        // (a+)+$ takes exponential time with backtracking engines on "aaaa…b".
        String body = "a".repeat(5000) + "b";
        // Backtracking would not finish in a lifetime: that this returns at all proves the point.
        assertNull(new RegexCondition(Pattern.compile("(a+)+$"), List.of(Field.BODY), true).test(context(body)));
    }

    // ----- history and facts ---------------------------------------------------------------------

    @Test
    void duplicateAndRateReadTheHistoryTheServiceLoaded() {
        Duration day = Duration.ofHours(24);
        Duration tenMinutes = Duration.ofMinutes(10);
        HistoryConditions.Duplicate duplicate = new HistoryConditions.Duplicate(day, List.of(Scope.EMAIL, Scope.IP));
        HistoryConditions.Rate rate = new HistoryConditions.Rate(5, tenMinutes, Scope.IP);

        Set<HistoryQuery> queries = new java.util.HashSet<>();
        duplicate.historyQueries(queries);
        rate.historyQueries(queries);
        assertEquals(Set.of(new HistoryQuery(Kind.SAME_TEXT, Scope.EMAIL, day), new HistoryQuery(Kind.SAME_TEXT, Scope.IP, day),
                new HistoryQuery(Kind.COMMENTS, Scope.IP, tenMinutes)), queries);

        Submission quiet = Submission.comment("x");
        assertNull(duplicate.test(new Context(quiet)));
        assertNull(rate.test(new Context(quiet)));

        Submission busy = quiet.withHistory(new Submission.History(Map.of(
                new HistoryQuery(Kind.SAME_TEXT, Scope.IP, day), 1L,
                new HistoryQuery(Kind.COMMENTS, Scope.IP, tenMinutes), 5L)));
        assertNotNull(duplicate.test(new Context(busy)));
        assertNotNull(rate.test(new Context(busy)));
        Submission fourBefore = quiet.withHistory(new Submission.History(Map.of(
                new HistoryQuery(Kind.COMMENTS, Scope.IP, tenMinutes), 4L)));
        assertNull(rate.test(new Context(fourBefore)), "the 5th comment in 10 minutes is fine; the 6th is held");
    }

    @Test
    void authorConditionsReadTheAuthorsRecord() {
        Submission newcomer = Submission.comment("x");
        Submission regular = newcomer.withAuthor(new Submission.AuthorFacts(12, 1, 0, false, false));
        Submission troll = newcomer.withAuthor(new Submission.AuthorFacts(2, 8, 1, false, false));
        Submission banned = newcomer.withAuthor(new Submission.AuthorFacts(0, 3, 0, true, false));

        FactConditions.Author isNew = new FactConditions.Author(null, 0L, null, null, null, null);
        assertNotNull(isNew.test(new Context(newcomer)));
        assertNull(isNew.test(new Context(regular)));
        FactConditions.Author oftenRejected = new FactConditions.Author(null, null, 3L, 0.5, null, null);
        assertNotNull(oftenRejected.test(new Context(troll)));
        assertNull(oftenRejected.test(new Context(regular)));
        assertNull(oftenRejected.test(new Context(newcomer)), "no decision yet: no ratio");
        FactConditions.Author isBanned = new FactConditions.Author(null, null, null, null, true, null);
        assertNotNull(isBanned.test(new Context(banned)));
        assertNull(isBanned.test(new Context(troll)));
    }

    @Test
    void articleConditionsReadItsSettingsAndAge() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        Submission fresh = Submission.comment("x", now).withArticle(new Submission.ArticleFacts("a", true, false, now.minusSeconds(60)));
        Submission old = Submission.comment("x", now).withArticle(new Submission.ArticleFacts("a", true, true, now.minus(Duration.ofDays(30))));
        FactConditions.Article olderThanAWeek = new FactConditions.Article(null, null, Duration.ofDays(7), null);
        assertNull(olderThanAWeek.test(new Context(fresh)));
        assertNotNull(olderThanAWeek.test(new Context(old)));
        assertNotNull(new FactConditions.Article(true, null, null, null).test(new Context(old)));
        assertNull(new FactConditions.Article(true, null, null, null).test(new Context(fresh)));
    }

    @Test
    void reportConditionsCountDistinctReportersAndReasons() {
        Submission none = Submission.comment("x");
        Submission one = none.withReports(new Submission.ReportFacts(1, Map.of("SPAM", 1)));
        Submission three = none.withReports(new Submission.ReportFacts(3, Map.of("SPAM", 2, "ABUSE", 1)));
        Submission hate = none.withReports(new Submission.ReportFacts(1, Map.of("HATE", 1)));
        FactConditions.Reports first = new FactConditions.Reports(1, null);
        FactConditions.Reports threshold = new FactConditions.Reports(3, null);
        FactConditions.Reports hateful = new FactConditions.Reports(null, Set.of("HATE"));
        assertNull(first.test(new Context(none)));
        assertNotNull(first.test(new Context(one)));
        assertNull(threshold.test(new Context(one)));
        assertNotNull(threshold.test(new Context(three)));
        assertNull(hateful.test(new Context(three)));
        assertNotNull(hateful.test(new Context(hate)));
    }

    @Test
    void durationsReadShortAndIsoForms() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s").orElseThrow());
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m").orElseThrow());
        assertEquals(Duration.ofHours(24), Durations.parse("24h").orElseThrow());
        assertEquals(Duration.ofDays(7), Durations.parse("7d").orElseThrow());
        assertEquals(Duration.ofMinutes(10), Durations.parse("PT10M").orElseThrow());
        assertEquals(java.util.Optional.empty(), Durations.parse("ten minutes"));
    }
}
