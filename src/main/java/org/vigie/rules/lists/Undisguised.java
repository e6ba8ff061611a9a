package org.vigie.rules.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigie.rules.normalize.NormalizedText;
import org.vigie.rules.normalize.Token;


/**
 * A folded text with the usual disguises of addresses undone, keeping the way back to the characters as
 * typed: a dot written as a word or in brackets ({@code exemple[.]org}, {@code exemple (point) org},
 * {@code exemple dot com}), spaces around the dots of a host ({@code mon-site . net}), a scheme spelled
 * out or defanged ({@code h t t p s : / /}, {@code hxxp://}), and an at sign written as a word
 * ({@code julie [at] yahoo [dot] fr}, {@code marc arobase orange point fr}). A dot or at sign written as
 * a word only counts before a host that ends in a known top-level domain, so "le point fort" stays prose.
 * Every pattern is tried in constant time where it cannot start: linear in the text.
 */
public final class Undisguised {

    private static final String LABEL = "[a-z0-9][a-z0-9-]{0,62}+";
    /**
     * Top-level domains a dot written as a word or spaced out is read before: the common ones, none of
     * which is a French or English word ("point de vue", "un point fort" stay prose).
     */
    private static final String TLD = "(?:com|net|org|fr|info|biz|io|xyz|shop|club|tv|win|online|site|store|app|dev|co|uk|ru|cn)";
    private static final String AFTER = "(?:[^a-z0-9]|$)";

    /** Each pattern's group 1 is replaced by its replacement; the rest of the match stays. */
    private record Undo(Pattern pattern, String replacement) {
    }

    private static final String HOST_END = "(?:\\s?\\.\\s?|\\s(?:dot|point)\\s|[\\[({]\\s?(?:\\.|dot|point)\\s?[\\])}])";

    /*
     * java.util.regex with look-around, each pattern written so that it is tried in constant time at a
     * position that cannot start it (one character class, a literal, or a look-behind of one character):
     * the scan is linear in the text, and nothing here is written by a rule set's author.
     */
    private static final List<Undo> UNDO = List.of(
            // h t t p s : / /   hxxps://   https : //
            new Undo(Pattern.compile("(?<![a-z])(h\\s?[tx]\\s?[tx]\\s?p\\s?(?:s\\s?)?:\\s?/\\s?/\\s?)"), "http://"),
            // w w w .
            new Undo(Pattern.compile("(?<![a-z])(w\\s?w\\s?w\\s?\\.\\s?)(?=[a-z0-9])"), "www."),
            // www exemple fr
            new Undo(Pattern.compile("(?<![a-z])www(\\s)(?=" + LABEL + "\\s" + TLD + AFTER + ")"), "."),
            new Undo(Pattern.compile("(?<![a-z])www\\." + LABEL + "(\\s)(?=" + TLD + AFTER + ")"), "."),
            // [.] (.) {.} [dot] (point) [pt]
            new Undo(Pattern.compile("(?<=[a-z0-9])(\\s?[\\[({]\\s?(?:\\.|dot|point|pt)\\s?[\\])}]\\s?)(?=[a-z0-9])"), "."),
            // [at] (at) {at} [@] (arobase)
            new Undo(Pattern.compile("(?<=[a-z0-9_])(\\s?[\\[({]\\s?(?:at|@|arobase)\\s?[\\])}]\\s?)(?=[a-z0-9])"), "@"),
            // " dot " " point " " . " before a top-level domain
            new Undo(Pattern.compile("(?<=[a-z0-9])(\\s(?:dot|point)\\s|\\s\\.\\s?|\\.\\s)(?=" + TLD + AFTER + ")"), "."),
            // " . " between labels of a host that ends in a top-level domain further on
            new Undo(Pattern.compile("(?<=[a-z0-9])(\\s\\.\\s?|\\.\\s)(?=" + LABEL + "(?:\\s?\\.\\s?|\\s(?:dot|point)\\s)" + TLD + AFTER + ")"), "."),
            // " arobase " " at " " @ " before a host
            new Undo(Pattern.compile("(?<=[a-z0-9_])(\\s(?:arobase|at)\\s|\\s?@\\s|\\s@\\s?)(?=" + LABEL + HOST_END + ")"), "@"));

    private final String text;
    /** For each character of {@link #text}, the folded offsets it stands for: [from, to). */
    private final int[] from;
    private final int[] to;

    /** The stretches of {@link #text} that were read for disguises, as [start, end) pairs. */
    private List<int[]> read = List.of();

    private Undisguised(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** Whether the span [start, end) of {@link #text()} touches a stretch that was read for disguises. */
    public boolean read(int start, int end) {
        for (int[] span : read) {
            if (span[0] < end && start < span[1]) {
                return true;
            }
        }
        return false;
    }

    /** The folded text of {@code normalized}, undisguised; the folded text itself when nothing was undone. */
    public static Undisguised of(NormalizedText normalized) {
        String folded = normalized.folded();
        List<int[]> windows = windows(normalized);
        if (windows.isEmpty()) {
            return new Undisguised(folded, null, null);
        }
        // Only the stretches of text around a possible address are rewritten: the patterns never run over
        // the rest of a long comment.
        StringBuilder text = new StringBuilder(folded.length());
        List<int[]> spans = new ArrayList<>();
        int[] from = new int[folded.length() + 16];
        int[] to = new int[folded.length() + 16];
        int copied = 0;
        for (int[] window : windows) {
            for (int k = copied; k < window[0]; k++) {
                from = grow(from, text.length());
                to = grow(to, text.length());
                from[text.length()] = k;
                to[text.length()] = k + 1;
                text.append(folded.charAt(k));
            }
            Undisguised part = rewrite(folded.substring(window[0], window[1]));
            spans.add(new int[] { text.length(), text.length() + part.text.length() });
            for (int k = 0; k < part.text.length(); k++) {
                from = grow(from, text.length());
                to = grow(to, text.length());
                from[text.length()] = window[0] + part.foldedStart(k);
                to[text.length()] = window[0] + part.foldedEnd(k + 1);
                text.append(part.text.charAt(k));
            }
            copied = window[1];
        }
        for (int k = copied; k < folded.length(); k++) {
            from = grow(from, text.length());
            to = grow(to, text.length());
            from[text.length()] = k;
            to[text.length()] = k + 1;
            text.append(folded.charAt(k));
        }
        Undisguised undisguised = new Undisguised(text.toString(), Arrays.copyOf(from, text.length()),
                Arrays.copyOf(to, text.length()));
        undisguised.read = spans;
        return undisguised;
    }

    /** Every pattern undone in turn over a stretch of folded text. */
    private static Undisguised rewrite(String folded) {
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

    /** How far before a top-level domain, or after a scheme, an address may begin or end, in folded characters. */
    static final int REACH = 64;

    private static final java.util.Set<String> SCHEMES = java.util.Set.of("http", "https", "hxxp", "hxxps", "ftp", "www");
    private static final java.util.Set<String> TLD_WORDS = java.util.Set.of(TLD.substring(3, TLD.length() - 1).split("\\|"));
    private static final java.util.Set<String> DOT_WORDS = java.util.Set.of("dot", "point", "pt");

    /**
     * The stretches of folded text where a disguise can be, read from the words alone: around a scheme or
     * "www" (spelled out too), and before a top-level domain that follows a dot, a bracket or a dot written
     * as a word. Most comments have none, and the patterns are then not tried at all. Stretches begin and
     * end at a space, and those that touch are merged.
     */
    private static List<int[]> windows(NormalizedText text) {
        List<int[]> windows = new ArrayList<>();
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (SCHEMES.contains(token.text())) {
                window(text, token, 0, REACH, windows);
            } else if (i > 0 && TLD_WORDS.contains(token.text())) {
                Token before = tokens.get(i - 1);
                boolean marked = DOT_WORDS.contains(before.text());
                for (int k = before.end(); k < token.start() && !marked; k++) {
                    marked = DOTS.indexOf(text.original().charAt(k)) >= 0;
                }
                if (marked) {
                    window(text, token, REACH, 0, windows);
                }
            }
        }
        for (Token spelled : text.spelledOut()) {
            if (SCHEMES.contains(spelled.text())) {
                window(text, spelled, 0, REACH, windows);
            }
        }
        windows.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] window : windows) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && window[0] <= last[1]) {
                last[1] = Math.max(last[1], window[1]);
            } else {
                merged.add(window);
            }
        }
        return merged;
    }

    /** What may stand for the dot before a top-level domain: dots, and the brackets around a written one. */
    private static final String DOTS = ".])}\u3002\uFF0E";

    /** The stretch from {@code before} characters before the word to {@code after} after it, out to spaces. */
    private static void window(NormalizedText text, Token token, int before, int after, List<int[]> windows) {
        String folded = text.folded();
        int start = Math.max(0, text.foldedOffset(token.start()) - before);
        int end = Math.min(folded.length(), text.foldedOffset(token.end()) + after);
        while (start > 0 && !Character.isWhitespace(folded.charAt(start - 1))) {
            start--;
        }
        while (end < folded.length() && !Character.isWhitespace(folded.charAt(end))) {
            end++;
        }
        windows.add(new int[] { start, end });
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
        if (from == null) {
            return index;
        }
        return index >= from.length ? (from.length == 0 ? 0 : to[to.length - 1]) : from[index];
    }

    /** The folded offset just after the characters that end before {@code end} in {@link #text()}. */
    public int foldedEnd(int end) {
        if (from == null) {
            return end;
        }
        return end == 0 ? 0 : to[end - 1];
    }

}
