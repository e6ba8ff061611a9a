package org.vigie.rules.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizedTextTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "Connard -> connard",
            "CONNARD -> connard",
            "Député -> depute",
            "ÉTRON -> etron",
            "cœur -> coeur",
            "Ægis -> aegis",
            "Straße -> strasse",
            "ﬁls -> fils",
            "Ｃｏｎｎａｒｄ -> connard",
            "𝐜𝐨𝐧𝐧𝐚𝐫𝐝 -> connard",
            "ⓒⓞⓝ -> con",
            "соn -> con",
            "ѕаlоре -> salope",
            "ρute -> pute",
            "CO\u039D\u039DARD -> connard",
            "\u041CERDE -> merde",
            "PU\u0422E -> pute",
            "\u0405\u0410L\u041EPE -> salope",
            "🅲🅾🅽🅽🅰🆁🅳 -> connard",
            "sa\u2800lope -> salope",
            "con\u200Bnard -> connard",
            "con\u00ADnard -> connard",
            "con\u2060nard -> connard",
            "e\u0301tron -> etron",
            "łódź -> lodz",
            "ø -> o",
            "m -> m",
            "rn -> rn",
            "Scunthorpe -> scunthorpe" })
    void foldsCaseAccentsWidthLookAlikesAndInvisibleCharacters(String typed, String folded) {
        assertEquals(folded, Folding.fold(typed));
    }

    @ParameterizedTest(name = "U+{0} folds to nothing")
    @CsvSource({ "2800", "3164", "FFA0", "115F", "1160" })
    void brailleBlankAndHangulFillersFoldToNothing(String hex) {
        int codePoint = Integer.parseInt(hex, 16);
        assertEquals("", Folding.fold(codePoint));
        assertEquals("connard", Folding.fold("con" + Character.toString(codePoint) + "nard"));
    }

    @Test
    void asciiLettersAreNeverRemapped() {
        for (char c = 'a'; c <= 'z'; c++) {
            assertEquals(String.valueOf(c), Folding.fold(String.valueOf(c)));
            assertEquals(String.valueOf(c), Folding.fold(String.valueOf(Character.toUpperCase(c))));
        }
    }

    @Test
    void tokensKeepTheirPlaceInTheTextAsTyped() {
        String typed = "Espèce de C0NNARD, va !";
        NormalizedText text = NormalizedText.of(typed);
        List<Token> tokens = text.tokens();
        assertEquals(List.of("espece", "de", "c0nnard", "va"), tokens.stream().map(Token::text).toList());
        Token insult = tokens.get(2);
        assertEquals("C0NNARD", typed.substring(insult.start(), insult.end()));
    }

    @Test
    void spansCoverCharactersThatFoldToSeveralOrNone() {
        String typed = "Le cœur con\u200Bnard";
        NormalizedText text = NormalizedText.of(typed);
        Token coeur = text.tokens().get(1);
        assertEquals("coeur", coeur.text());
        assertEquals("cœur", typed.substring(coeur.start(), coeur.end()));
        Token hidden = text.tokens().get(2);
        assertEquals("connard", hidden.text());
        assertEquals("con\u200Bnard", typed.substring(hidden.start(), hidden.end()));
    }

    @Test
    void emojiAndOtherScriptsSurvive() {
        NormalizedText text = NormalizedText.of("Bravo 👍 東京 !");
        assertEquals(List.of("bravo", "東京"), text.tokens().stream().map(Token::text).toList());
    }

    @Test
    void apostrophesAndHyphensSeparateWords() {
        NormalizedText text = NormalizedText.of("l'enculé, fils-de-pute");
        assertEquals(List.of("l", "encule", "fils", "de", "pute"), text.tokens().stream().map(Token::text).toList());
    }

    @ParameterizedTest(name = "{0} spelled out reads {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "c o n n a r d -> connard",
            "c.o.n.n.a.r.d -> connard",
            "C-O-N-N-A-R-D -> connard",
            "s a l o p e ! -> salope",
            "c. o. n. n. a. r. d -> connard",
            "c😀o😀n😀n😀a😀r😀d -> connard",
            "(c)(o)(n)(n)(a)(r)(d) -> connard" })
    void wordsSpelledOutLetterByLetterAreReadAsOne(String typed, String word) {
        NormalizedText text = NormalizedText.of(typed);
        assertEquals(1, text.spelledOut().size(), text.spelledOut().toString());
        Token spelled = text.spelledOut().get(0);
        assertEquals(word, spelled.text());
        assertEquals(word.substring(0, 1), Folding.fold(typed.codePointAt(spelled.start())), "the span starts at the first letter");
        assertEquals(word.substring(word.length() - 1), Folding.fold(typed.codePointBefore(spelled.end())), "and ends at the last");
    }

    @Test
    void lettersWithCombiningAccentsSpellOutToo() {
        String typed = "c\u0301 o\u0301 n\u0301 n a\u0301 r d\u0301";
        NormalizedText text = NormalizedText.of(typed);
        assertEquals("connard", text.spelledOut().get(0).text());
        assertEquals(typed, typed.substring(text.spelledOut().get(0).start(), text.spelledOut().get(0).end()));
    }

    @Test
    void aWordSpanRunsOverTheAccentsTypedAfterIt() {
        String typed = "connarde\u0301 !";
        Token word = NormalizedText.of(typed).tokens().get(0);
        assertEquals("connarde\u0301", typed.substring(word.start(), word.end()));
    }

    @Test
    void regexSpansMapBackToCharactersThatFoldToSeveral() {
        NormalizedText text = NormalizedText.of("Straße ﬃ");
        int ss = text.folded().indexOf("strass");
        assertEquals("Straß", text.original().substring(text.originalStart(ss), text.originalEnd(ss + 6)));
        int ffi = text.folded().indexOf("ff");
        assertEquals("ﬃ", text.original().substring(text.originalStart(ffi), text.originalEnd(ffi + 2)));
    }

    @Test
    void punctuationBreaksPhrases() {
        NormalizedText text = NormalizedText.of("Une eau sale, noire de suie");
        assertTrue(text.breakAfter(2), "sale, noire");
        assertTrue(!text.breakAfter(3), "noire de");
    }

    @Test
    void separateWordsAreNotReadAsSpelledOut() {
        assertTrue(NormalizedText.of("a b").spelledOut().isEmpty(), "two letters are too few");
        assertTrue(NormalizedText.of("Il a vu ça").spelledOut().isEmpty());
        assertTrue(NormalizedText.of("c   o   n").spelledOut().isEmpty(), "letters must be at most two characters apart");
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "c0nn4rd -> connard",
            "s4l0p3 -> salope",
            "$alope -> salope",
            "@nus -> anus",
            "b1te -> bite",
            "7ruc -> truc",
            "5hit -> shit",
            "b!tch -> bitch",
            "sa|ope -> salope",
            "encul€ -> encule" })
    void variantsUndoLeetspeak(String word, String reading) {
        assertTrue(new Token(word, 0, word.length()).variants().contains(reading),
                new Token(word, 0, word.length()).variants().toString());
    }

    @ParameterizedTest(name = "{0} reads {1}: {2}")
    @CsvSource({
            "connnnnnard, connard, true",
            "cooonnnaaaard, connard, true",
            "saaaaloooope, salope, true",
            "cccooonnnaaasssssse, connasse, true",
            "pppoooouuuuffffiiiiaaaasssssseeee, pouffiasse, true",
            "connard, connard, true",
            "conard, connard, false",
            "salle, sale, false",
            "ccoonnaarrdd, connard, false",
            "connards, connard, false" })
    void stretchedLettersReadAsTheWordHoweverManyAreStretched(String typed, String word, boolean reads) {
        assertEquals(reads, Runs.of(typed).reads(Runs.of(word)), Runs.of(typed) + " vs " + Runs.of(word));
    }

    @Test
    void aOneReadsAsIOrL() {
        List<String> variants = new Token("1ache", 0, 5).variants();
        assertTrue(variants.contains("iache"));
        assertTrue(variants.contains("lache"));
    }

    @Test
    void numbersAreNotWordsInDisguise() {
        assertEquals(List.of("2026"), new Token("2026", 0, 4).variants());
        assertEquals(List.of("100"), new Token("100", 0, 3).variants());
    }

    @Test
    void doubleLettersAreSpellingAndStay() {
        assertEquals(List.of("cassis"), new Token("cassis", 0, 6).variants());
        assertEquals(List.of("connard"), new Token("connard", 0, 7).variants());
    }

    @Test
    void eachLeetCharacterHasItsReadingsAndOtherWordsReadAsThemselves() {
        assertEquals(List.of("bite", "blte"), Token.unleet("b1te"));
        assertEquals(List.of("otaeassitle"), Token.unleet("07@3455!t|€"));
        assertEquals(List.of("connard"), Token.unleet("connard"));
        assertEquals(List.of("deja2x89"), Token.unleet("deja2x89"));
        assertEquals(List.of("ça"), Token.unleet("ça"));
    }

    @Test
    void readingsOfAmbiguousOnesAreBounded() {
        String word = "1a1a1a1a1a1a1a";
        assertEquals(16, new Token(word, 0, word.length()).variants().size());
    }

    @Test
    void fingerprintIgnoresCaseAccentsSpacingAndPunctuation() {
        String a = NormalizedText.of("Achetez   MAINTENANT, c'est génial !!!").fingerprint();
        String b = NormalizedText.of("achetez maintenant c est genial").fingerprint();
        String c = NormalizedText.of("achetez demain c est genial").fingerprint();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertFalse(a.isEmpty());
        assertEquals(64, a.length());
        assertNotEquals(NormalizedText.of("👍").fingerprint(), NormalizedText.of("❤️").fingerprint(),
                "texts without words are told apart");
        assertEquals(NormalizedText.of("👍").fingerprint(), NormalizedText.of(" 👍 ").fingerprint());
    }
}
