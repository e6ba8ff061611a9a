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
    private List<Token> masked;
    private List<Token> joined;

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
     * Words spelled out one letter at a time, with the same one or two separators between all the letters:
     * "c o n n a r d", "c.o.n.n.a.r.d", "c. o. n", "e-n-c-u-l-é". A different separator ends the word, so
     * that "p u t a i n, 2 euros" reads "putain" and "e-n-c-u-l-é d'arbitre" reads "encule".
     */
    private static List<Token> spelledOut(List<Token> tokens, String original) {
        List<Token> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            String separator = null;
            boolean changed = false;
            while (j < tokens.size() && tokens.get(j).text().length() == 1) {
                if (j > i) {
                    String gap = visible(original, tokens.get(j - 1).end(), tokens.get(j).start());
                    if (gap.length() > SPELLED_OUT_MAX_GAP) {
                        break;
                    }
                    if (separator != null && !separator.equals(gap)) {
                        changed = true;
                        break;
                    }
                    separator = gap;
                }
                j++;
            }
            if (j - i >= SPELLED_OUT_MIN_LETTERS) {
                StringBuilder letters = new StringBuilder();
                for (int k = i; k < j; k++) {
                    letters.append(tokens.get(k).text());
                }
                words.add(new Token(letters.toString(), tokens.get(i).start(), tokens.get(j - 1).end()));
            }
            // Where the separator changed, the last letter may begin the next word: "a b-a-s-t-a-r-d".
            i = changed && j - 1 > i ? j - 1 : Math.max(j, i + 1);
        }
        return List.copyOf(words);
    }

    /** The characters that show between two offsets (invisible ones left out). */
    private static String visible(String text, int from, int to) {
        StringBuilder shown = new StringBuilder(to - from);
        for (int k = from; k < to;) {
            int codePoint = text.codePointAt(k);
            if (!Folding.fold(codePoint).isEmpty()) {
                shown.appendCodePoint(codePoint);
            }
            k += Character.charCount(codePoint);
        }
        return shown.toString();
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

    /** The first folded character that comes from the original offset {@code originalOffset} or after it. */
    public int foldedOffset(int originalOffset) {
        int low = 0;
        int high = folded.length();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] < originalOffset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
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
     * Words with letters masked by symbols, read with a {@value #MASK} for each masked letter: "c*nnard",
     * "enc#lé", "p_tain", "f**k" read "c*nnard", "enc*le", "p*tain", "f**k". A mask stands between two
     * letters or digits of the word, and masks are at most as many as the letters around them (two at
     * least), so that star ratings (3*), footnotes (prix*), *emphasis* and sums (5*3) are no words. Found on
     * first use.
     */
    public List<Token> masked() {
        List<Token> computed = masked;
        if (computed == null) {
            computed = findMasked();
            masked = computed;
        }
        return computed;
    }

    /**
     * Words cut in pieces by one dot, dash, underscore, middle dot or space between them, read whole: "con.nard",
     * "en-culé", "co nn ard" read "connard", "encule", "connard". Two to {@value #JOINED_MAX_PIECES} pieces,
     * {@value #JOINED_MIN_LETTERS} letters or more in all; across spaces, only pieces of at most
     * {@value #JOINED_SPACED_PIECE} letters, since whole words follow each other across spaces. Words read
     * whole from single letters are {@link #spelledOut()}, not here. Found on first use.
     */
    public List<Token> joined() {
        List<Token> computed = joined;
        if (computed == null) {
            computed = findJoined();
            joined = computed;
        }
        return computed;
    }

    /** How a masked letter is read. */
    public static final char MASK = '*';
    /** Characters that stand for a masked letter. */
    static final String MASKS = "*#_";
    static final int JOINED_MAX_PIECES = 4;
    static final int JOINED_MIN_LETTERS = 5;
    static final int JOINED_SPACED_PIECE = 4;
    /**
     * The commonest short words of French and English: a space next to one of them separates words, it
     * does not cut one ("il a pu", "de la", "and the").
     */
    static final java.util.Set<String> SHORT_WORDS = java.util.Set.of("a", "au", "ce", "ces", "d", "de", "des", "du", "elle",
            "en", "est", "et", "il", "j", "je", "l", "la", "le", "les", "ma", "mais", "me", "mon", "ne", "nous", "on", "ou", "par",
            "pas", "pour", "qu", "que", "qui", "s", "se", "ses", "si", "son", "sur", "ta", "te", "tu", "un", "une", "vous", "y",
            "an", "and", "are", "as", "at", "be", "but", "by", "for", "he", "i", "in", "is", "it", "of", "or", "so", "the",
            "to", "was", "we", "you");

    /** What may stand between two pieces of a word cut up. */
    static final String CUTS = ".-_·* ";

    private List<Token> findMasked() {
        List<Token> words = new ArrayList<>();
        int length = folded.length();
        int i = 0;
        while (i < length) {
            if (!isWordChar(folded, i)) {
                i++;
                continue;
            }
            int start = i;
            int letters = 0;
            int masks = 0;
            StringBuilder reading = new StringBuilder();
            while (i < length) {
                if (isWordChar(folded, i)) {
                    letters += Character.isLetter(folded.charAt(i)) ? 1 : 0;
                    reading.append(folded.charAt(i));
                    i++;
                    continue;
                }
                int run = i;
                while (run < length && MASKS.indexOf(folded.charAt(run)) >= 0) {
                    run++;
                }
                if (run == i || run >= length || !isWordChar(folded, run) || letters == 0) {
                    break;
                }
                masks += run - i;
                reading.append(String.valueOf(MASK).repeat(run - i));
                i = run;
            }
            if (masks > 0 && masks <= letters && letters >= 2) {
                words.add(new Token(reading.toString(), starts[start], ends[i - 1]));
            }
        }
        return List.copyOf(words);
    }

    private List<Token> findJoined() {
        List<Token> words = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            StringBuilder reading = new StringBuilder(tokens.get(i).text());
            boolean spaced = false;
            boolean shortPieces = tokens.get(i).text().length() <= JOINED_SPACED_PIECE;
            boolean singleLetters = tokens.get(i).text().length() == 1;
            for (int j = i + 1; j < tokens.size() && j - i < JOINED_MAX_PIECES; j++) {
                Token before = tokens.get(j - 1);
                Token piece = tokens.get(j);
                char cut = singleCut(before.end(), piece.start());
                if (cut == 0 || (cut == ' ' && (SHORT_WORDS.contains(before.text()) || SHORT_WORDS.contains(piece.text())))) {
                    break;
                }
                spaced |= cut == ' ';
                shortPieces &= piece.text().length() <= JOINED_SPACED_PIECE;
                singleLetters &= piece.text().length() == 1;
                reading.append(piece.text());
                if (reading.length() >= JOINED_MIN_LETTERS && (!spaced || shortPieces) && !singleLetters) {
                    words.add(new Token(reading.toString(), tokens.get(i).start(), piece.end()));
                }
            }
        }
        return List.copyOf(words);
    }

    /** The one cutting character that stands between two offsets, ignoring invisible ones; 0 if there is none. */
    private char singleCut(int from, int to) {
        char cut = 0;
        for (int k = from; k < to;) {
            int codePoint = original.codePointAt(k);
            k += Character.charCount(codePoint);
            if (Folding.fold(codePoint).isEmpty()) {
                continue;
            }
            if (cut != 0 || codePoint > 0xFFFF || CUTS.indexOf((char) codePoint) < 0) {
                return 0;
            }
            cut = (char) codePoint;
        }
        return cut;
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
