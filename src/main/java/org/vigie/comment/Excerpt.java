package org.vigie.comment;

/** The opening of a text for previews: about 250 characters, cut between words, ended with "…". */
final class Excerpt {

    static final int LENGTH = 250;
    static final int MAX_BACKTRACK = 40;

    private Excerpt() {
    }

    static String of(String body) {
        String text = body.strip();
        if (text.codePointCount(0, text.length()) <= LENGTH) {
            return text;
        }
        int end = text.offsetByCodePoints(0, LENGTH);
        if (Character.isWhitespace(text.codePointAt(end))) {
            // The first 250 characters end exactly with a word: keep it.
            return text.substring(0, end).stripTrailing() + "…";
        }
        int cut = end;
        // Back up to the last whitespace, unless that loses more than a few words (one long URL, say).
        while (cut > 0 && !Character.isWhitespace(text.codePointBefore(cut))) {
            cut -= Character.charCount(text.codePointBefore(cut));
        }
        if (text.codePointCount(0, cut) < LENGTH - MAX_BACKTRACK) {
            cut = end;
        }
        String head = text.substring(0, cut).stripTrailing();
        // Drop punctuation left dangling before the ellipsis ("mot, …" reads badly).
        while (!head.isEmpty() && ",;:.-–—".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + "…";
    }
}
