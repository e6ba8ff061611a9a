package org.vigie.rules.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A text as the rules read it: folded (see {@link Folding}) and cut into words, each word knowing its
 * place in the text as typed, so that a match can show the reader's own spelling.
 */
public final class NormalizedText {

    /** A word spelled out letter by letter ("c o n n a r d", "c.o.n") counts as a word from this many letters. */
    static final int SPELLED_OUT_MIN_LETTERS = 3;
    /** Letters spelled out may be this many characters apart ("c. o. n" has two). */
    static final int SPELLED_OUT_MAX_GAP = 2;
    /** Punctuation that ends a phrase: "sale, noire" is not "sale noire". */
    static final String PHRASE_BREAKS = ".,;:!?()[]{}\"«»—–…";

    private final String original;
    private final String folded;
    private final int[] starts;
    private final int[] ends;
    private final List<Token> tokens;
    private final boolean[] breakAfter;
    private final List<Token> spelledOut;

    private NormalizedText(String original, String folded, int[] starts, int[] ends, List<Token> tokens,
            boolean[] breakAfter, List<Token> spelledOut) {
        this.original = original;
        this.folded = folded;
        this.starts = starts;
        this.ends = ends;
        this.tokens = tokens;
        this.breakAfter = breakAfter;
        this.spelledOut = spelledOut;
    }

    public static NormalizedText of(String original) {
        String text = original == null ? "" : original;
        // Fold, remembering for each folded character which original characters it came from.
        StringBuilder folded = new StringBuilder(text.length());
        int[] starts = new int[text.length() + 16];
        int[] ends = new int[text.length() + 16];
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String piece = Folding.fold(codePoint);
            for (int k = 0; k < piece.length(); k++) {
                if (folded.length() >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[folded.length()] = i;
                ends[folded.length()] = next;
                folded.append(piece.charAt(k));
            }
            if (piece.isEmpty() && !folded.isEmpty()) {
                // Characters that fold to nothing (a combining accent, a zero-width space) belong to the
                // character before them: a word's span runs over them.
                ends[folded.length() - 1] = next;
            }
            i = next;
        }
        String foldedText = folded.toString();
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < foldedText.length()) {
            if (!isWordChar(foldedText, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < foldedText.length() && isWordChar(foldedText, i)) {
                i++;
            }
            tokens.add(new Token(foldedText.substring(start, i), starts[start], ends[i - 1]));
        }
        boolean[] breakAfter = new boolean[tokens.size()];
        for (int t = 0; t + 1 < tokens.size(); t++) {
            breakAfter[t] = hasBreak(text, tokens.get(t).end(), tokens.get(t + 1).start());
        }
        return new NormalizedText(text, foldedText, starts, ends, List.copyOf(tokens), breakAfter,
                spelledOut(tokens, text));
    }

    /**
     * Letters, digits, the symbols leetspeak uses inside words ($, @), ! and | when they stand between
     * letters (b!tch, sa|ope), and € next to a letter (encul€).
     */
    static boolean isWordChar(String folded, int index) {
        char c = folded.charAt(index);
        if (Character.isLetterOrDigit(c) || c == '@' || c == '$') {
            return true;
        }
        boolean letterBefore = index > 0 && Character.isLetter(folded.charAt(index - 1));
        boolean letterAfter = index + 1 < folded.length() && Character.isLetter(folded.charAt(index + 1));
        if (c == '!' || c == '|') {
            return letterBefore && letterAfter;
        }
        return c == '€' && (letterBefore || letterAfter);
    }

    private static boolean hasBreak(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (PHRASE_BREAKS.indexOf(text.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words spelled out one letter at a time, with one or two separators between the letters:
     * "c o n n a r d", "c.o.n.n.a.r.d", "c. o. n", "(c)(o)(n)".
     */
    private static List<Token> spelledOut(List<Token> tokens, String original) {
        List<Token> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).text().length() == 1
                    && (j == i || visibleGap(original, tokens.get(j - 1).end(), tokens.get(j).start()) <= SPELLED_OUT_MAX_GAP)) {
                j++;
            }
            if (j - i >= SPELLED_OUT_MIN_LETTERS) {
                StringBuilder letters = new StringBuilder();
                for (int k = i; k < j; k++) {
                    letters.append(tokens.get(k).text());
                }
                words.add(new Token(letters.toString(), tokens.get(i).start(), tokens.get(j - 1).end()));
            }
            i = Math.max(j, i + 1);
        }
        return List.copyOf(words);
    }

    /** How many characters that show stand between two offsets (invisible ones do not count). */
    private static int visibleGap(String text, int from, int to) {
        int count = 0;
        for (int k = from; k < to;) {
            int codePoint = text.codePointAt(k);
            if (!Folding.fold(codePoint).isEmpty()) {
                count++;
            }
            k += Character.charCount(codePoint);
        }
        return count;
    }

    public String original() {
        return original;
    }

    /** The whole text folded, separators included. */
    public String folded() {
        return folded;
    }

    /** Offset in the original text of the character that the folded character at {@code foldedIndex} comes from. */
    public int originalStart(int foldedIndex) {
        return foldedIndex >= folded.length() ? original.length() : starts[foldedIndex];
    }

    /** Offset in the original text just after the folded span that ends before {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        return foldedEnd == 0 ? 0 : ends[foldedEnd - 1];
    }

    /** The words, in order. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Whether punctuation separates the word at {@code index} from the next: a phrase does not run across it. */
    public boolean breakAfter(int index) {
        return index < breakAfter.length && breakAfter[index];
    }

    /** Words that were spelled out letter by letter, read as one word. */
    public List<Token> spelledOut() {
        return spelledOut;
    }

    /**
     * SHA-256 of {@link #canonical()}, in hex: the same for two texts that differ only in case, accents,
     * disguises of letters, spacing or punctuation. A text without words (emoji, punctuation) is hashed as
     * typed, so that "👍" and "❤️" differ.
     */
    public String fingerprint() {
        String canonical = canonical();
        String hashed = canonical.isEmpty() ? "\u0000" + Normalizer.normalize(original.strip(), Normalizer.Form.NFC)
                : canonical;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The words, read without leetspeak, joined by single spaces: two texts that read the same have the same one. */
    public String canonical() {
        StringBuilder canonical = new StringBuilder(folded.length());
        for (Token token : tokens) {
            if (!canonical.isEmpty()) {
                canonical.append(' ');
            }
            canonical.append(token.variants().get(0));
        }
        return canonical.toString();
    }
}
