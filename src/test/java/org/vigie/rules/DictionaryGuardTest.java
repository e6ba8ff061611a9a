package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every word of Debian's French and English word lists ({@code wfrench}, {@code wamerican}), each alone in
 * a neutral sentence, through the shipped rules: a word that is held, rejected or flagged must be one of the
 * genuinely vulgar words reviewed in {@code corpus/dictionary-holds.tsv}, with its grade. A new hold on an
 * ordinary word fails the build, and so does a reviewed word the rules no longer catch (the list says
 * exactly what the rules do). Hyphenated compounds are judged whole, as written in the dictionary.
 */
class DictionaryGuardTest {

    /** The word lists, and the sentence each of their words is written in. */
    static final Map<Path, String> DICTIONARIES = Map.of(
            Path.of(System.getProperty("vigie.dictionaries", "/usr/share/dict"), "french"), "Voici le mot %s dans une phrase.",
            Path.of(System.getProperty("vigie.dictionaries", "/usr/share/dict"), "american-english"), "Here is the word %s in a sentence.");

    static RuleSet defaults;

    @BeforeAll
    static void compile() throws IOException, InvalidRuleSet {
        try (InputStream in = DictionaryGuardTest.class.getResourceAsStream("/rules/default-rules.yaml")) {
            defaults = new RuleSetParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** What the rules do to a word alone in a sentence: its grade if they catch it, null if they leave it alone. */
    static String caught(String sentence) {
        Verdict verdict = RuleEngine.decide(defaults, Submission.comment(sentence)
                .withAuthor(new Submission.AuthorFacts(3, 0, 0, false, false)));
        if (verdict.status() == ModerationStatus.VISIBLE && !verdict.flagged()) {
            return null;
        }
        return verdict.matches().stream().filter(match -> !match.mode().equals("shadow") && match.evidence() != null)
                .map(match -> match.evidence().grade() == null ? match.ruleId() : match.evidence().grade())
                .findFirst().orElse(verdict.status().name());
    }

    @Test
    void onlyReviewedVulgarWordsAreCaught() throws IOException {
        Map<String, String> reviewed = reviewed();
        Map<String, String> caught = new TreeMap<>();
        int words = 0;
        for (Map.Entry<Path, String> dictionary : DICTIONARIES.entrySet()) {
            if (!Files.isReadable(dictionary.getKey())) {
                fail(dictionary.getKey() + " is missing: install Debian's word lists (apt-get install wfrench wamerican),"
                        + " or point -Dvigie.dictionaries at a directory holding french and american-english");
            }
            for (String word : Files.readAllLines(dictionary.getKey(), StandardCharsets.UTF_8)) {
                if (word.isBlank()) {
                    continue;
                }
                words++;
                String grade = caught(String.format(dictionary.getValue(), word.strip()));
                if (grade != null) {
                    caught.merge(word.strip(), grade, (a, b) -> a);
                }
            }
        }
        assertTrue(words > 400_000, "words read: " + words);
        List<String> unexpected = new ArrayList<>();
        caught.forEach((word, grade) -> {
            if (!grade.equals(reviewed.get(word))) {
                unexpected.add(word + "\t" + grade + (reviewed.containsKey(word) ? " (reviewed as " + reviewed.get(word) + ")" : ""));
            }
        });
        Set<String> noLongerCaught = new TreeSet<>(reviewed.keySet());
        noLongerCaught.removeAll(caught.keySet());
        assertTrue(unexpected.isEmpty() && noLongerCaught.isEmpty(), "Words caught that corpus/dictionary-holds.tsv does not"
                + " list with that grade (make the rules leave an innocent word alone, or review and list a vulgar one):\n"
                + String.join("\n", unexpected) + "\nReviewed words the rules no longer catch (drop them from the list): "
                + noLongerCaught);
    }

    static Map<String, String> reviewed() throws IOException {
        Map<String, String> reviewed = new TreeMap<>();
        try (InputStream in = DictionaryGuardTest.class.getResourceAsStream("/corpus/dictionary-holds.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                reviewed.put(columns[0], columns[1]);
            }
        }
        return reviewed;
    }
}
