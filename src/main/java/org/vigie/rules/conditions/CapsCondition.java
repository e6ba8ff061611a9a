package org.vigie.rules.conditions;

import java.util.List;
import java.util.Locale;

import org.vigie.rules.Evidence;

/** Shouting: at least {@code ratio} of the letters are capitals, over at least {@code minLetters} letters. */
public record CapsCondition(double ratio, int minLetters) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        String body = context.raw(Field.BODY);
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < body.length();) {
            int c = body.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                    capitals++;
                }
            }
        }
        if (letters < minLetters || letters == 0 || (double) capitals / letters < ratio) {
            return null;
        }
        String share = String.format(Locale.ROOT, "%d%% de capitales sur %d lettres", Math.round(100.0 * capitals / letters),
                letters);
        return List.of(new Evidence(Field.BODY.key(), excerpt(body), share, 0, body.length()));
    }

    static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, text.offsetByCodePoints(0, Math.min(80,
                text.codePointCount(0, text.length())))) + "…";
    }
}
