package org.vigie.rules.normalize;

/**
 * A word as a sequence of letter runs: "connnnard" is c·o·n×5·a·r·d. Two words are the same word
 * stretched when their runs hold the same letters and every run is either as long, or stretched to three
 * or more (which may stand for one or two letters). Doubled letters are spelling, so "salle" is not a
 * stretched "sale", while "connnnnard" and "cooonnnaaard" are "connard" however many letters are stretched.
 *
 * @param letters the word with each run written once ("conard")
 * @param lengths the length of each run
 */
public record Runs(String letters, int[] lengths) {

    static final int STRETCHED = 3;

    public static Runs of(String word) {
        StringBuilder letters = new StringBuilder(word.length());
        int[] lengths = new int[word.length()];
        int count = 0;
        for (int i = 0; i < word.length();) {
            int j = i + 1;
            while (j < word.length() && word.charAt(j) == word.charAt(i)) {
                j++;
            }
            letters.append(word.charAt(i));
            lengths[count++] = j - i;
            i = j;
        }
        return new Runs(letters.toString(), java.util.Arrays.copyOf(lengths, count));
    }

    /** Whether this word, as typed, is {@code word} with some letters stretched. */
    public boolean reads(Runs word) {
        if (!letters.equals(word.letters) || lengths.length != word.lengths.length) {
            return false;
        }
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] != word.lengths[i] && (lengths[i] < STRETCHED || !Character.isLetter(letters.charAt(i)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Runs runs && runs.letters.equals(letters) && java.util.Arrays.equals(runs.lengths, lengths);
    }

    @Override
    public int hashCode() {
        return letters.hashCode() * 31 + java.util.Arrays.hashCode(lengths);
    }

    @Override
    public String toString() {
        return letters + java.util.Arrays.toString(lengths);
    }
}
