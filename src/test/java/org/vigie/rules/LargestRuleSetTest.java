package org.vigie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A rule set is bounded before it is compiled, and the largest that passes compiles within 256 MB. */
class LargestRuleSetTest {

    private static List<String> refusal(String document) {
        InvalidRuleSet invalid = assertThrows(InvalidRuleSet.class, () -> new RuleSetParser().parse(document));
        return invalid.errors().stream().map(error -> error.path() + ": " + error.message()).toList();
    }

    /** {@code count} different entries of {@code length} letters, as a YAML list of strings. */
    private static String entries(int count, int length) {
        Random random = new Random(count * 31L + length);
        return IntStream.range(0, count).mapToObj(i -> {
            StringBuilder entry = new StringBuilder("\"");
            for (int c = 0; c < length; c++) {
                entry.append((char) ('a' + random.nextInt(26)));
            }
            return entry.append('"').toString();
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void theLargestAcceptedRuleSetCompilesAndRunsItsTestsIn256Megabytes() throws IOException, InterruptedException {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), LargestRuleSet.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.waitFor(), output);
        // The figures the README quotes come from this line.
        System.out.print(output);
        assertTrue(LargestRuleSet.document().length() <= RuleSetParser.MAX_DOCUMENT_CHARACTERS);
        assertTrue(output.contains("compiled " + RuleSetParser.MAX_RULES + " rules, 5 tests"), output);
    }

    @Test
    void aListOverItsSizeIsRefusedByName() {
        List<String> errors = refusal("lists:\n  big: " + entries(RuleSetParser.MAX_ENTRIES_PER_LIST + 1, 1) + "\n");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("lists.big: holds 10001 entries"), errors.toString());
    }

    @Test
    void listsOverTheirTotalAreRefused() {
        StringBuilder lists = new StringBuilder("lists:\n");
        for (int i = 0; i < 3; i++) {
            lists.append("  l").append(i).append(": ").append(entries(RuleSetParser.MAX_ENTRIES_PER_LIST, 1)).append('\n');
        }
        assertTrue(refusal(lists.toString()).contains("lists: hold 30000 entries; at most 20000 are allowed"));
        // Entries written inline in rules count too.
        String twoLists = "lists:\n  l0: " + entries(RuleSetParser.MAX_ENTRIES_PER_LIST, 1) + "\n  l1: "
                + entries(5_000, 1) + "\n";
        List<String> inline = refusal(twoLists + "rules:\n  - id: r\n    when: { text: { list: "
                + entries(RuleSetParser.MAX_ENTRIES_PER_LIST, 1) + " } }\n    action: hold\n");
        assertTrue(inline.stream().anyMatch(e -> e.startsWith("rules[0].when.text.list: brings the lists to 25000 entries")),
                inline.toString());
    }

    @Test
    void aLongEntryIsRefusedWhereItIs() {
        List<String> errors = refusal("lists:\n  a: [ok, \"" + "x".repeat(RuleSetParser.MAX_ENTRY_LENGTH + 1) + "\"]\n");
        assertEquals(List.of("lists.a[1]: is longer than 100 characters"), errors);
    }

    @Test
    void substringSearchesHaveALetterBudget() throws InvalidRuleSet {
        String lists = "lists:\n  a: " + entries(2_000, 99) + "\n";
        List<String> errors = refusal(lists + "rules:\n  - id: r\n    when: { text: { list: a, mode: substring } }\n    action: hold\n");
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("rules[0].when.text.list: brings the lists searched as substrings to")),
                errors.toString());
        // The same list searched by word is within budget.
        new RuleSetParser().parseTested(lists + "rules:\n  - id: r\n    when: { text: { list: a } }\n    action: hold\n");
    }

    @Test
    void yamlBombsAreRefused() {
        List<String> deep = refusal("lists: " + "[".repeat(100) + "]".repeat(100) + "\n");
        assertTrue(deep.get(0).startsWith(": not valid YAML or JSON"), deep.toString());
        List<String> huge = refusal("#".repeat(RuleSetParser.MAX_DOCUMENT_CHARACTERS + 1));
        assertTrue(huge.get(0).contains("at most 1000000"), huge.toString());
    }

    @Test
    void aDocumentWithThousandsOfMistakesGetsTheFirstHundred() {
        List<String> errors = refusal("lists:\n  a: " + entries(5_000, RuleSetParser.MAX_ENTRY_LENGTH + 1) + "\n");
        assertEquals(RuleSetParser.MAX_ERRORS + 1, errors.size());
        assertEquals(": more errors follow; fix these first", errors.get(RuleSetParser.MAX_ERRORS));
    }
}
