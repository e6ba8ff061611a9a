package org.vigie.rules.lists;

import java.util.Arrays;
import java.util.List;

import org.vigie.rules.normalize.NormalizedText;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A folded text with the usual disguises of addresses undone, keeping the way back to the characters as
 * typed: a dot written as a word or in brackets ({@code exemple[.]org}, {@code exemple (point) org},
 * {@code exemple dot com}), spaces around the dots of a host ({@code mon-site . net}), a scheme spelled
 * out or defanged ({@code h t t p s : / /}, {@code hxxp://}), and an at sign written as a word
 * ({@code julie [at] yahoo [dot] fr}, {@code marc arobase orange point fr}). A dot or at sign written as
 * a word only counts before a host that ends in a known top-level domain, so "le point fort" stays prose.
 * Every pattern is RE2: linear in the text.
 */
public final class Undisguised {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    /**
     * Top-level domains a dot written as a word or spaced out is read before: the common ones, none of
     * which is a French or English word ("point de vue", "un point fort" stay prose).
     */
    private static final String TLD = "(?:com|net|org|fr|info|biz|eu|io|xyz|shop|club|tv|win|online|site|store|app|dev|co|uk|ru|cn)";
    private static final String AFTER = "(?:[^a-z0-9]|$)";

    /** Each pattern's group 1 is replaced by its replacement; the rest of the match stays. */
    private record Undo(Pattern pattern, String replacement) {
    }

    private static final List<Undo> UNDO = List.of(
            // h t t p s : / /   hxxps://   https : //
            new Undo(Pattern.compile("(?:^|[^a-z])(h\\s?[tx]\\s?[tx]\\s?p\\s?(?:s\\s?)?:\\s?/\\s?/\\s?)"), "http://"),
            // w w w .
            new Undo(Pattern.compile("(?:^|[^a-z])(w\\s?w\\s?w\\s?\\.\\s?)" + LABEL), "www."),
            // www exemple fr
            new Undo(Pattern.compile("(?:^|[^a-z])www(\\s)" + LABEL + "\\s" + TLD + AFTER), "."),
            new Undo(Pattern.compile("(?:^|[^a-z])www\\." + LABEL + "(\\s)" + TLD + AFTER), "."),
            // [.] (.) {.} [dot] (point) [pt]
            new Undo(Pattern.compile(LABEL + "(\\s?[\\[({]\\s?(?:\\.|dot|point|pt)\\s?[\\])}]\\s?)" + LABEL), "."),
            // [at] (at) {at} [@] (arobase)
            new Undo(Pattern.compile("[a-z0-9_]" + "(\\s?[\\[({]\\s?(?:at|@|arobase)\\s?[\\])}]\\s?)" + LABEL), "@"),
            // " dot " " point " " . " before a top-level domain
            new Undo(Pattern.compile(LABEL + "(\\s(?:dot|point)\\s|\\s\\.\\s?|\\.\\s)" + TLD + AFTER), "."),
            // " . " between labels of a host that ends in a top-level domain further on
            new Undo(Pattern.compile(LABEL + "(\\s\\.\\s?|\\.\\s)" + LABEL + "(?:\\s?\\.\\s?|\\s(?:dot|point)\\s)" + TLD + AFTER), "."),
            // " arobase " " at " " @ " before a host
            new Undo(Pattern.compile("[a-z0-9_](\\s(?:arobase|at)\\s|\\s?@\\s|\\s@\\s?)" + LABEL + "(?:\\s?\\.\\s?|\\s(?:dot|point)\\s|[\\[({](?:\\.|dot|point)[\\])}])"), "@"));

    private final String text;
    /** For each character of {@link #text}, the folded offsets it stands for: [from, to). */
    private final int[] from;
    private final int[] to;

    private Undisguised(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The folded text of {@code normalized}, undisguised; the folded text itself when nothing was undone. */
    public static Undisguised of(NormalizedText normalized) {
        String folded = normalized.folded();
        int[] from = new int[folded.length()];
        int[] to = new int[folded.length()];
        for (int i = 0; i < folded.length(); i++) {
            from[i] = i;
            to[i] = i + 1;
        }
        Undisguised current = new Undisguised(folded, from, to);
        for (Undo undo : UNDO) {
            current = current.apply(undo);
        }
        return current;
    }

    private Undisguised apply(Undo undo) {
        Matcher matcher = undo.pattern().matcher(text);
        StringBuilder out = null;
        int[] newFrom = null;
        int[] newTo = null;
        int copied = 0;
        int position = 0;
        while (position <= text.length() && matcher.find(position)) {
            int start = matcher.start(1);
            int end = matcher.end(1);
            if (out == null) {
                out = new StringBuilder(text.length());
                newFrom = new int[text.length() + 16];
                newTo = new int[text.length() + 16];
            }
            for (int k = copied; k < start; k++) {
                newFrom = grow(newFrom, out.length());
                newTo = grow(newTo, out.length());
                newFrom[out.length()] = from[k];
                newTo[out.length()] = to[k];
                out.append(text.charAt(k));
            }
            for (int k = 0; k < undo.replacement().length(); k++) {
                newFrom = grow(newFrom, out.length());
                newTo = grow(newTo, out.length());
                newFrom[out.length()] = from[start];
                newTo[out.length()] = to[end - 1];
                out.append(undo.replacement().charAt(k));
            }
            copied = end;
            // The next match may begin with the label that ended this one: "a . b . com".
            position = end;
        }
        if (out == null) {
            return this;
        }
        for (int k = copied; k < text.length(); k++) {
            newFrom = grow(newFrom, out.length());
            newTo = grow(newTo, out.length());
            newFrom[out.length()] = from[k];
            newTo[out.length()] = to[k];
            out.append(text.charAt(k));
        }
        return new Undisguised(out.toString(), Arrays.copyOf(newFrom, out.length()), Arrays.copyOf(newTo, out.length()));
    }

    private static int[] grow(int[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    /** The text with its disguises undone. */
    public String text() {
        return text;
    }

    /** The folded offset where the character at {@code index} of {@link #text()} starts. */
    public int foldedStart(int index) {
        return index >= from.length ? (from.length == 0 ? 0 : to[to.length - 1]) : from[index];
    }

    /** The folded offset just after the characters that end before {@code end} in {@link #text()}. */
    public int foldedEnd(int end) {
        return end == 0 ? 0 : to[end - 1];
    }

    /** Whether a disguise was undone somewhere between these offsets of {@link #text()}. */
    public boolean undidBetween(int start, int end) {
        for (int k = start; k < end && k < from.length; k++) {
            if (to[k] - from[k] != 1 || (k > start && from[k] != to[k - 1])) {
                return true;
            }
        }
        return false;
    }
}
