package org.vigie.rules.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A word of a text after folding, with where it stands in the text as typed. Its variants undo the
 * usual disguises: leetspeak (c0nn4rd) and stretched letters (connnnard); they are worked out once,
 * however many lists read the word.
 */
public final class Token {

    /** Variants beyond this many are not generated: a word rarely needs more than a few. */
    static final int MAX_VARIANTS = 16;

    private final String text;
    private final int start;
    private final int end;
    private List<String> variants;

    /**
     * @param text the folded word
     * @param start offset of its first character in the original text
     * @param end offset just after its last character in the original text
     */
    public Token(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    public String text() {
        return text;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The folded word and the readings of its disguises, the plainest first. */
    public List<String> variants() {
        List<String> computed = variants;
        if (computed == null) {
            computed = computeVariants();
            variants = computed;
        }
        return computed;
    }

    private List<String> computeVariants() {
        if (!hasLetter(text)) {
            // "2026", "$100": numbers are not words in disguise.
            return List.of(text);
        }
        Set<String> variants = new LinkedHashSet<>();
        for (String unleeted : unleet(text)) {
            variants.add(unleeted);
            for (String unstretched : unstretch(unleeted)) {
                variants.add(unstretched);
                if (variants.size() >= MAX_VARIANTS) {
                    return List.copyOf(variants);
                }
            }
        }
        return List.copyOf(variants);
    }

    static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads digits and symbols as the letters they stand for: 0→o, 1→i or l, 3→e, 4→a, 5→s, $→s, @→a,
     * 7→t. A "1" can be either letter, so each one doubles the readings (at most four "1"s are read both
     * ways; later ones read as "i").
     */
    static List<String> unleet(String word) {
        List<StringBuilder> readings = new ArrayList<>();
        readings.add(new StringBuilder(word.length()));
        int ambiguous = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char plain = switch (c) {
                case '0' -> 'o';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            };
            if (c == '1' && ambiguous < 4) {
                ambiguous++;
                List<StringBuilder> withL = new ArrayList<>(readings.size());
                for (StringBuilder reading : readings) {
                    withL.add(new StringBuilder(reading).append('l'));
                    reading.append('i');
                }
                readings.addAll(withL);
            } else {
                char letter = c == '1' ? 'i' : plain;
                readings.forEach(reading -> reading.append(letter));
            }
        }
        return readings.stream().map(StringBuilder::toString).toList();
    }

    /**
     * Undoes stretched letters: a run of three or more of the same letter reads as one or as two
     * ("connnnard" → "conard", "connard"). Runs of two are spelling ("connard", "cassis") and stay.
     */
    static List<String> unstretch(String word) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < word.length();) {
            int j = i + 1;
            while (j < word.length() && word.charAt(j) == word.charAt(i)) {
                j++;
            }
            if (j - i >= 3 && Character.isLetter(word.charAt(i))) {
                runs.add(new int[] { i, j });
            }
            i = j;
        }
        if (runs.isEmpty()) {
            return List.of(word);
        }
        int combinations = 1 << Math.min(runs.size(), 4);
        List<String> readings = new ArrayList<>(combinations);
        for (int mask = 0; mask < combinations; mask++) {
            StringBuilder reading = new StringBuilder(word.length());
            int from = 0;
            for (int r = 0; r < runs.size(); r++) {
                int[] run = runs.get(r);
                reading.append(word, from, run[0]);
                int keep = r < 4 && (mask & (1 << r)) != 0 ? 2 : 1;
                for (int k = 0; k < keep; k++) {
                    reading.append(word.charAt(run[0]));
                }
                from = run[1];
            }
            reading.append(word, from, word.length());
            readings.add(reading.toString());
        }
        return readings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && token.text.equals(text) && token.start == start && token.end == end;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(text, start, end);
    }

    @Override
    public String toString() {
        return "Token[" + text + " " + start + ".." + end + "]";
    }
}
