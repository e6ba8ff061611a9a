package org.vigie.rules.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.rules.normalize.NormalizedText;

class WordListTest {

    static final WordList INSULTS = WordList.of(List.of("connard", "connasse", "salope", "pute", "cul", "con", "bite",
            "anal", "cunt", "ass", "bitch", "fils de pute", "nique ta mère", "enculé", "gros con", "sale arabe",
            "sale noir", "pouffiasse"));
    static final WordList INNOCENT = WordList.of(List.of("cône", "cônes", "pros and cons", "cul-de-sac", "chili con carne"));

    private static List<WordList.Found> find(String text, TextMode mode) {
        return INSULTS.find(NormalizedText.of(text), mode, INNOCENT);
    }

    @ParameterizedTest(name = "«{0}» is found")
    @ValueSource(strings = {
            "Espèce de connard",
            "ESPÈCE DE CONNARD",
            "espece de Connard !",
            "c0nn4rd",
            "C0NNARD",
            "соnnаrd",
            "Ｃｏｎｎａｒｄ",
            "con\u200Bnard",
            "con\u00ADnard",
            "connnnnnnard",
            "c o n n a r d",
            "c.o.n.n.a.r.d",
            "connards",
            "connarde",
            "connardes",
            "sale pute",
            "PUTES",
            "$alope",
            "s@l0pe",
            "quel enculé",
            "encule",
            "ENCULÉS",
            "espèce de fils de pute",
            "fils-de-pute",
            "FILS DE PUTES",
            "nique ta mere",
            "nique ta mère !",
            "what a cunt",
            "CCCOOONNNAAASSSSE",
            "pppoooouuuuffffiiiiaaaasssssseeee",
            "sale b!tch",
            "sa|ope",
            "encul€",
            "c. o. n. n. a. r. d.",
            "sales arabes",
            "SALE NOIRE",
            "les cons",
            "un cul de poule mouillée" })
    void disguisedWordsAreFound(String text) {
        assertTrue(!find(text, TextMode.WORD).isEmpty(), text);
    }

    @ParameterizedTest(name = "«{0}» is innocent")
    @ValueSource(strings = {
            "Le député a voté la loi",
            "Un calcul rapide",
            "Le conseil municipal",
            "Une analyse fine",
            "Il habite à Lyon",
            "Scunthorpe United",
            "Un verre de Cassis",
            "Les constitutions",
            "Un cône de glace",
            "les pour et les contre",
            "the pros and cons",
            "Une impasse, un vrai cul-de-sac",
            "Un bon chili con carne",
            "Classe de seconde",
            "Computer science",
            "Une bouteille de connétable",
            "La culture",
            "Culminer",
            "Un passage",
            "Un gros cône de glace",
            "Une eau sale, noire de suie",
            "La salle arabe du musée",
            "Bravo!Merci" })
    void innocentWordsAreNotFound(String text) {
        assertEquals(List.of(), find(text, TextMode.WORD), text);
    }

    @Test
    void evidenceShowsTheTextAsTyped() {
        String typed = "Espèce de C0NN4RD !";
        WordList.Found found = find(typed, TextMode.WORD).get(0);
        assertEquals("connard", found.entry());
        assertEquals("connard", found.normalized());
        assertEquals("C0NN4RD", typed.substring(found.span().start(), found.span().end()));
    }

    @Test
    void phrasesAreFoundAsWholeWordsInSequence() {
        String typed = "Espèce de FILS DE PUTE.";
        WordList.Found found = find(typed, TextMode.WORD).get(0);
        assertEquals("fils de pute", found.entry());
        assertEquals("FILS DE PUTE", typed.substring(found.span().start(), found.span().end()));
        assertEquals(List.of(), find("Les fils de putois", TextMode.PHRASE));
    }

    @Test
    void phraseModeTakesNoInflections() {
        assertTrue(!find("connard", TextMode.PHRASE).isEmpty());
        assertEquals(List.of(), find("connards", TextMode.PHRASE));
    }

    @ParameterizedTest(name = "prefix: {0} found = {1}")
    @CsvSource({ "enculer, true", "enculeur, true", "ENCULAGE, false", "connardise, true", "conseil, true", "acon, false" })
    void prefixModeFindsWordsThatBeginWithAnEntry(String text, boolean found) {
        WordList prefixes = WordList.of(List.of("encule", "connard", "con"));
        assertEquals(found, !prefixes.find(NormalizedText.of(text), TextMode.PREFIX, null).isEmpty(), text);
    }

    @ParameterizedTest(name = "substring: {0} found = {1}")
    @CsvSource({ "buyviagranow, true", "VIAGRA, true", "v1agra, true", "viag ra, false", "cialis, false" })
    void substringModeFindsEntriesInsideWords(String text, boolean found) {
        WordList spam = WordList.of(List.of("viagra", "casino"));
        assertEquals(found, !spam.find(NormalizedText.of(text), TextMode.SUBSTRING, null).isEmpty(), text);
    }

    @Test
    void substringModeFiresInsideInnocentWordsAsWordPressDoes() {
        // That is why the defaults use word mode: substring finds "cul" in "calcul".
        WordList cul = WordList.of(List.of("cul"));
        assertTrue(!cul.find(NormalizedText.of("calcul"), TextMode.SUBSTRING, null).isEmpty());
        assertTrue(cul.find(NormalizedText.of("calcul"), TextMode.WORD, null).isEmpty());
    }

    @Test
    void exceptionsWin() {
        assertEquals(List.of(), find("un cône", TextMode.WORD));
        assertTrue(!WordList.of(List.of("con")).find(NormalizedText.of("un cône"), TextMode.WORD, null).isEmpty(),
                "without the exception list, cône reads as con + e");
    }

    @Test
    void largeListsCompileAndStillMatch() {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            words.add("mot" + Integer.toString(i, 36) + "x");
        }
        words.add("connard");
        WordList big = WordList.of(words);
        assertEquals(10_001, big.size());
        assertTrue(!big.find(NormalizedText.of("espèce de c0nnard"), TextMode.WORD, null).isEmpty());
        assertTrue(big.find(NormalizedText.of("le député"), TextMode.WORD, null).isEmpty());
    }
}
