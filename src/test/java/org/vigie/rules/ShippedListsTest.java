package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.rules.lists.TextMode;
import org.vigie.rules.lists.WordList;
import org.vigie.rules.normalize.NormalizedText;

/**
 * The shipped word lists against sentences written for them: evasions each list must see through, and
 * innocent sentences (député, calcul, habite, cône...) it must leave alone. The table is
 * src/test/resources/rules/list-sentences.tsv.
 */
class ShippedListsTest {

    static final WordList INNOCENT = list("innocent-forms.txt");

    static WordList list(String file) {
        return WordList.of(RuleSetParser.SHIPPED_LISTS.apply(file).orElseThrow());
    }

    static Stream<Arguments> sentences() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = ShippedListsTest.class.getResourceAsStream("/rules/list-sentences.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 4);
                rows.add(Arguments.of(columns[0], columns[1], columns[2], columns[3].replace("{ZW}", "\u200B")));
            }
        }
        assertTrue(rows.size() > 80, "sentences: " + rows.size());
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource("sentences")
    void listsFindEvasionsAndLeaveInnocentWordsAlone(String listName, String expectation, String entry, String sentence) {
        List<WordList.Found> found = list(listName + ".txt").find(NormalizedText.of(sentence), TextMode.WORD, INNOCENT);
        if (expectation.equals("match")) {
            assertTrue(found.stream().anyMatch(f -> f.entry().equals(entry)), sentence + " → " + found);
        } else {
            assertEquals(List.of(), found, sentence);
        }
    }
}
