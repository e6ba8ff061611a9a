package org.vigie.rules.conditions;

import java.util.List;

import org.vigie.rules.Evidence;
import org.vigie.rules.normalize.NormalizedText;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A pattern written by an admin, run by RE2/J in time linear in the text, so no pattern can hang the
 * service. It reads the folded text by default (lowercase, no accents, no look-alikes), or the text
 * as typed.
 */
public record RegexCondition(Pattern pattern, List<Field> fields, boolean asTyped) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        for (Field field : fields) {
            String original = context.raw(field);
            if (asTyped) {
                Matcher matcher = pattern.matcher(original);
                if (matcher.find()) {
                    return List.of(new Evidence(field.key(), matcher.group(), matcher.group(), matcher.start(),
                            matcher.end()));
                }
            } else {
                NormalizedText text = context.normalized(field);
                Matcher matcher = pattern.matcher(text.folded());
                if (matcher.find()) {
                    int start = text.originalStart(matcher.start());
                    int end = Math.max(start, text.originalEnd(matcher.end()));
                    return List.of(new Evidence(field.key(), original.substring(start, end), matcher.group(), start, end));
                }
            }
        }
        return null;
    }
}
