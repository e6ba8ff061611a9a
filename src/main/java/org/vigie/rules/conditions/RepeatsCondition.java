package org.vigie.rules.conditions;

import java.util.List;

import org.vigie.rules.Evidence;
import org.vigie.rules.normalize.NormalizedText;
import org.vigie.rules.normalize.Token;

/**
 * Junk: a run of at least {@code chars} times the same character ("!!!!!!!!!!", "aaaaaaaaaa"), or at
 * least {@code words} times the same word in a row ("spam spam spam spam"). A bound of 0 is not checked.
 */
public record RepeatsCondition(int chars, int words) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        String body = context.raw(Field.BODY);
        if (chars > 0) {
            int runStart = 0;
            int runLength = 0;
            int previous = -1;
            for (int i = 0; i < body.length();) {
                int c = body.codePointAt(i);
                if (c == previous && !Character.isWhitespace(c)) {
                    runLength++;
                } else {
                    runStart = i;
                    runLength = 1;
                    previous = c;
                }
                i += Character.charCount(c);
                if (runLength >= chars) {
                    int end = i;
                    while (end < body.length() && body.codePointAt(end) == c) {
                        end += Character.charCount(c);
                    }
                    String run = body.substring(runStart, end);
                    return List.of(new Evidence(Field.BODY.key(), run,
                            new String(Character.toChars(c)) + " ×" + run.codePointCount(0, run.length()), runStart, end));
                }
            }
        }
        if (words > 0) {
            NormalizedText text = context.normalized(Field.BODY);
            List<Token> tokens = text.tokens();
            int count = 1;
            for (int i = 1; i < tokens.size(); i++) {
                count = tokens.get(i).text().equals(tokens.get(i - 1).text()) ? count + 1 : 1;
                if (count >= words) {
                    int start = tokens.get(i - count + 1).start();
                    int end = tokens.get(i).end();
                    return List.of(new Evidence(Field.BODY.key(), body.substring(start, end),
                            tokens.get(i).text() + " ×" + count, start, end));
                }
            }
        }
        return null;
    }
}
