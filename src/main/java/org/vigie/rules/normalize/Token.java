package org.vigie.rules.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * A word of a text after folding, with where it stands in the text as typed. Its variants undo
 * leetspeak (c0nn4rd); they are worked out once, however many lists read the word.
 */
public final class Token {

    private final String text;
    private final int start;
    private final int end;
    private List<String> variants;
    private List<Runs> runs;
    private List<String>[] stems;

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

    /**
     * The word read without leetspeak: one reading, or a few when a "1" may be an i or an l. Stretched
     * letters are undone when words are compared (see {@link Runs}), so they need no reading of their own.
     */
    public List<String> variants() {
        List<String> computed = variants;
        if (computed == null) {
            computed = hasLetter(text) ? unleet(text) : List.of(text);
            variants = computed;
        }
        return computed;
    }

    /** The letter runs of each variant, in the same order. */
    public List<Runs> runs() {
        List<Runs> computed = runs;
        if (computed == null) {
            computed = variants().stream().map(Runs::of).toList();
            runs = computed;
        }
        return computed;
    }

    /** The stem of each variant in a language's family (see {@link Family}), in the same order. */
    public List<String> stems(Family family) {
        if (stems == null) {
            stems = newStems();
        }
        List<String> computed = stems[family.ordinal()];
        if (computed == null) {
            computed = variants().stream().map(family::stem).toList();
            stems[family.ordinal()] = computed;
        }
        return computed;
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] newStems() {
        return new List[Family.values().length];
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
     * 7→t, !→i, |→l, €→e. A "1" can be either letter, so each one doubles the readings (at most four "1"s
     * are read both ways; later ones read as "i").
     */
    static List<String> unleet(String word) {
        if (!hasLeet(word)) {
            return List.of(word);
        }
        List<StringBuilder> readings = new ArrayList<>();
        readings.add(new StringBuilder(word.length()));
        int ambiguous = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '1' && ambiguous < 4) {
                ambiguous++;
                List<StringBuilder> withL = new ArrayList<>(readings.size());
                for (StringBuilder reading : readings) {
                    withL.add(new StringBuilder(reading).append('l'));
                    reading.append('i');
                }
                readings.addAll(withL);
            } else {
                char letter = c == '1' ? 'i' : plain(c);
                readings.forEach(reading -> reading.append(letter));
            }
        }
        return readings.stream().map(StringBuilder::toString).toList();
    }

    /** The letter a digit or symbol stands for, but "1" (i or l); any other character as it is. */
    private static char plain(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '!' -> 'i';
            case '|' -> 'l';
            case '€' -> 'e';
            default -> c;
        };
    }

    private static boolean hasLeet(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '1' || plain(c) != c) {
                return true;
            }
        }
        return false;
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
