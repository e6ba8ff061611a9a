package org.vigie.rules.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * A text as the rules read it: folded (see {@link Folding}) and cut into words, each word knowing its
 * place in the text as typed, so that a match can show the reader's own spelling.
 */
public final class NormalizedText {

    /** A word spelled out letter by letter ("c o n n a r d", "c.o.n") counts as a word from this many letters. */
    static final int SPELLED_OUT_MIN_LETTERS = 3;

    private final String original;
    private final String folded;
    private final int[] origins;
    private final List<Token> tokens;
    private final List<Token> spelledOut;

    private NormalizedText(String original, String folded, int[] origins, List<Token> tokens, List<Token> spelledOut) {
        this.original = original;
        this.folded = folded;
        this.origins = origins;
        this.tokens = tokens;
        this.spelledOut = spelledOut;
    }

    public static NormalizedText of(String original) {
        String text = original == null ? "" : original;
        StringBuilder folded = new StringBuilder(text.length());
        int[] origins = new int[text.length() * 2 + 1];
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int wordStart = -1;
        int wordEnd = -1;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String piece = Folding.fold(codePoint);
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                if (folded.length() >= origins.length - 1) {
                    origins = java.util.Arrays.copyOf(origins, origins.length * 2);
                }
                origins[folded.length()] = i;
                folded.append(c);
                if (isWordChar(c)) {
                    if (word.isEmpty()) {
                        wordStart = i;
                    }
                    word.append(c);
                    wordEnd = next;
                } else if (!word.isEmpty()) {
                    tokens.add(new Token(word.toString(), wordStart, wordEnd));
                    word.setLength(0);
                }
            }
            i = next;
        }
        if (!word.isEmpty()) {
            tokens.add(new Token(word.toString(), wordStart, wordEnd));
        }
        origins[folded.length()] = text.length();
        return new NormalizedText(text, folded.toString(), origins, List.copyOf(tokens), spelledOut(tokens));
    }

    /** Letters, digits and the two symbols leetspeak uses inside words. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    /**
     * Words spelled out one letter at a time, with single separators between the letters:
     * "c o n n a r d", "c.o.n.n.a.r.d", "c-o-n".
     */
    private static List<Token> spelledOut(List<Token> tokens) {
        List<Token> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).text().length() == 1
                    && (j == i || tokens.get(j).start() - tokens.get(j - 1).end() == 1)) {
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

    public String original() {
        return original;
    }

    /** The whole text folded, separators included. */
    public String folded() {
        return folded;
    }

    /** Offset in the original text of the character at {@code foldedIndex} of {@link #folded()}. */
    public int originalOffset(int foldedIndex) {
        return origins[foldedIndex];
    }

    /** The words, in order. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Words that were spelled out letter by letter, read as one word. */
    public List<Token> spelledOut() {
        return spelledOut;
    }

    /**
     * SHA-256 of {@link #canonical()}, in hex: the same for two texts that differ only in case, accents,
     * disguises of letters, spacing or punctuation.
     */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folded words joined by single spaces: two texts that read the same have the same one. */
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
