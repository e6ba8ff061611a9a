package org.vigie.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The largest rule set the parser accepts, as far as memory goes: every list at its most entries, every
 * entry at its longest, the substring budget spent, and tests that make every kind of list build its
 * index. Run with {@code -Xmx256m}, {@link #main} compiles it, runs its tests and prints what it took.
 */
public final class LargestRuleSet {

    private LargestRuleSet() {
    }

    /** A word of {@code length} letters, the same for the same seed. */
    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static void list(StringBuilder yaml, String name, List<String> entries) {
        yaml.append("  ").append(name).append(": [").append(String.join(", ", entries)).append("]\n");
    }

    /**
     * Lists as big as a document of at most {@link RuleSetParser#MAX_DOCUMENT_CHARACTERS} holds: the
     * substring budget spent on entries of the longest length, and the rest in as many entries as fit.
     */
    public static String document() {
        Random random = new Random(42);
        int longest = RuleSetParser.MAX_ENTRY_LENGTH;
        List<String> substrings = new ArrayList<>();
        for (int i = 0; i < RuleSetParser.MAX_SUBSTRING_LETTERS / longest; i++) {
            substrings.add(word(random, longest));
        }
        List<String> words = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < RuleSetParser.MAX_ENTRIES_PER_LIST; i++) {
            words.add(word(random, 11));
        }
        for (int i = 0; i < RuleSetParser.MAX_LIST_ENTRIES / 4; i++) {
            prefixes.add(word(random, 11));
        }
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            phrases.add(word(random, 6) + " " + word(random, 6) + " " + word(random, 6));
        }
        List<String> names = new ArrayList<>();
        int rest = RuleSetParser.MAX_LIST_ENTRIES - substrings.size() - words.size() - prefixes.size() - phrases.size();
        for (int i = 0; i < rest; i++) {
            names.add(word(random, 11));
        }
        StringBuilder yaml = new StringBuilder("lists:\n");
        list(yaml, "substrings", substrings);
        list(yaml, "words", words);
        list(yaml, "prefixes", prefixes);
        list(yaml, "phrases", phrases);
        list(yaml, "names", names);
        yaml.append("rules:\n");
        String[][] kinds = { { "words", "word" }, { "prefixes", "prefix" }, { "substrings", "substring" }, { "phrases", "phrase" }, { "names", "word" } };
        for (int i = 0; i < RuleSetParser.MAX_RULES; i++) {
            String[] kind = kinds[i % kinds.length];
            yaml.append("  - {id: r").append(i).append(", when: {text: {list: ").append(kind[0]).append(", mode: ").append(kind[1])
                    .append("}}, action: hold}\n");
        }
        yaml.append("tests:\n");
        yaml.append("  - {rule: r0, match: [\"Un mot ").append(words.get(words.size() - 1)).append(" ici\"]}\n");
        yaml.append("  - {rule: r1, match: [\"").append(prefixes.get(7)).append("xyz\"]}\n");
        yaml.append("  - {rule: r2, match: [\"avant").append(substrings.get(substrings.size() - 1)).append("après\"]}\n");
        yaml.append("  - {rule: r3, match: [\"Il a dit ").append(phrases.get(3)).append(" hier\"]}\n");
        yaml.append("  - {rule: r0, noMatch: [\"").append("Un avis ordinaire sur le budget. ".repeat(100)).append("\"]}\n");
        return yaml.toString();
    }

    /** Compiles the largest rule set with its tests; prints the time it took and the heap it holds. */
    public static void main(String... args) throws InvalidRuleSet {
        String document = document();
        Runtime runtime = Runtime.getRuntime();
        long started = System.nanoTime();
        RuleSet ruleSet = new RuleSetParser().parse(document);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.printf("compiled %d rules, %d tests, %d KB of YAML in %d ms; %d MB of heap in use after, of %d MB allowed%n",
                ruleSet.rules().size(), ruleSet.testCount(), document.length() / 1024, millis, heap,
                runtime.maxMemory() / (1024 * 1024));
    }
}
