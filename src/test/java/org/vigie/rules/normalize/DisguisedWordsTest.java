package org.vigie.rules.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Masked letters and words cut in pieces: read as the word they hide, with the span as typed. */
class DisguisedWordsTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = { "Espèce de c*nnard !|c*nnard|c*nnard", "enc#lé va|enc*le|enc#lé",
            "p_tain de journée|p*tain|p_tain", "f**k you|f**k|f**k" })
    void maskedLettersAreReadAsMasks(String text, String reading, String typed) {
        NormalizedText normalized = NormalizedText.of(text);
        List<Token> masked = normalized.masked();
        assertEquals(1, masked.size(), masked.toString());
        assertEquals(reading, masked.get(0).text());
        assertEquals(typed, text.substring(masked.get(0).start(), masked.get(0).end()));
    }

    @ParameterizedTest(name = "no mask in: {0}")
    @ValueSource(strings = { "Hôtel 3* en bord de mer", "Prix* hors taxes", "C'est *important*", "_souligné_",
            "#JO2024", "Le 12/06/2024", "5*3 = 15" })
    void starsFootnotesEmphasisAndHashtagsAreNoMasks(String text) {
        assertTrue(NormalizedText.of(text).masked().isEmpty(), NormalizedText.of(text).masked().toString());
    }

    @ParameterizedTest(name = "{0} joins to {1}")
    @CsvSource(delimiter = '|', value = { "con.nard|connard", "en-culé|encule", "co nn ard|connard", "sal_ope|salope" })
    void wordsCutInPiecesAreReadWhole(String text, String whole) {
        assertTrue(NormalizedText.of(text).joined().stream().anyMatch(token -> token.text().equals(whole)),
                NormalizedText.of(text).joined().toString());
    }

    @ParameterizedTest(name = "not joined: {0}")
    @ValueSource(strings = { "le conseil municipal", "un grand rassemblement", "O.N.U." })
    void wholeWordsAcrossSpacesAndSingleLettersAreNotJoined(String text) {
        assertTrue(NormalizedText.of(text).joined().isEmpty(), NormalizedText.of(text).joined().toString());
    }

    @ParameterizedTest(name = "{0} spells {1}")
    @CsvSource(delimiter = '|', value = { "E-n-c-u-l-é d'arbitre|encule", "P u t a i n, 2 euros|putain",
            "What a b-a-s-t-a-r-d, really|bastard" })
    void aSpelledOutWordEndsWhereItsSeparatorChanges(String text, String word) {
        assertTrue(NormalizedText.of(text).spelledOut().stream().anyMatch(token -> token.text().equals(word)),
                NormalizedText.of(text).spelledOut().toString());
    }
}
