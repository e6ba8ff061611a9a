package org.vigie.rules.normalize;

import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;

/**
 * Folds one code point to the plain lowercase ASCII letters a reader sees in it, so that matching
 * ignores how a word was typed:
 * <ol>
 * <li>NFKC case folding: capitals, fullwidth and styled letters (Ｃ, 𝐜, ⓒ), ligatures (ﬁ); default-ignorable
 * characters such as zero-width spaces, soft hyphens and Hangul fillers vanish;</li>
 * <li>accents and other marks are dropped (é→e), and Latin letters without a decomposition are spelled
 * in ASCII (œ→oe, ø→o, ł→l);</li>
 * <li>letters of other scripts that look like Latin ones take their Unicode TR39 confusable skeleton,
 * read from the letter as typed so that capitals map too (Cyrillic о→o, М→m, Greek α→a, Ν→n). ASCII
 * letters are never re-mapped, so "m" does not become "rn";</li>
 * <li>the Braille blank, which renders as nothing but is not default-ignorable, vanishes too, and letters
 * in negative circles and squares (🅲) read as plain letters.</li>
 * </ol>
 * Folding is per code point and cached, so normalising a comment costs one table read per character.
 */
public final class Folding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Transliterator LATIN_ASCII = Transliterator.getInstance("Latin-ASCII");
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private static final String[] BMP = new String[0x10000];
    private static final ConcurrentHashMap<Integer, String> SUPPLEMENTARY = new ConcurrentHashMap<>();

    private Folding() {
    }

    /** The folded form of a code point: usually one lowercase letter, sometimes none or several. */
    public static String fold(int codePoint) {
        if (codePoint < 0x80) {
            return ASCII[codePoint];
        }
        if (codePoint < 0x10000) {
            String folded = BMP[codePoint];
            if (folded == null) {
                // Benign race: two threads compute the same immutable string.
                folded = compute(codePoint);
                BMP[codePoint] = folded;
            }
            return folded;
        }
        return SUPPLEMENTARY.computeIfAbsent(codePoint, Folding::compute);
    }

    /** Folds a whole text, code point by code point. */
    public static String fold(CharSequence text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length();) {
            int codePoint = Character.codePointAt(text, i);
            folded.append(fold(codePoint));
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    private static final String[] ASCII = new String[0x80];

    static {
        for (int c = 0; c < 0x80; c++) {
            ASCII[c] = String.valueOf((char) Character.toLowerCase(c));
        }
    }

    private static String compute(int codePoint) {
        if (codePoint == 0x2800) {
            // Braille blank; the Hangul fillers, blank too, are default-ignorable: case folding drops them.
            return "";
        }
        if ((codePoint >= 0x1F150 && codePoint <= 0x1F169) || (codePoint >= 0x1F170 && codePoint <= 0x1F189)) {
            return String.valueOf((char) ('a' + (codePoint - (codePoint >= 0x1F170 ? 0x1F170 : 0x1F150))));
        }
        int script = UScript.getScript(codePoint);
        if (script != UScript.LATIN && script != UScript.COMMON && script != UScript.INHERITED) {
            // Judge a look-alike by its shape as typed: lower-casing first would turn Greek Ν (N) into ν (v).
            String skeleton = SPOOF.getSkeleton(SpoofChecker.ANY_CASE, new String(Character.toChars(codePoint)));
            if (isAsciiLetters(skeleton)) {
                return skeleton.toLowerCase(java.util.Locale.ROOT);
            }
        }
        String casefolded = NFKC_CASEFOLD.normalize(new String(Character.toChars(codePoint)));
        StringBuilder result = new StringBuilder(casefolded.length());
        for (int i = 0; i < casefolded.length();) {
            int c = casefolded.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                result.append((char) Character.toLowerCase(c));
                continue;
            }
            String plain = withoutMarks(c);
            if (plain.isEmpty()) {
                continue;
            }
            if (isAscii(plain)) {
                result.append(plain.toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            if (UScript.getScript(plain.codePointAt(0)) == UScript.LATIN) {
                String latin = LATIN_ASCII.transliterate(plain);
                if (isAscii(latin)) {
                    result.append(latin.toLowerCase(java.util.Locale.ROOT));
                    continue;
                }
            }
            String skeleton = SPOOF.getSkeleton(SpoofChecker.ANY_CASE, plain);
            if (isAsciiLetters(skeleton)) {
                result.append(skeleton.toLowerCase(java.util.Locale.ROOT));
            } else {
                result.append(plain);
            }
        }
        return result.toString();
    }

    private static String withoutMarks(int codePoint) {
        String decomposed = NFD.normalize(new String(Character.toChars(codePoint)));
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length();) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = UCharacter.getType(c);
            if (type != UCharacter.NON_SPACING_MARK && type != UCharacter.ENCLOSING_MARK
                    && type != UCharacter.COMBINING_SPACING_MARK && type != UCharacter.FORMAT) {
                base.appendCodePoint(c);
            }
        }
        return base.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetters(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
