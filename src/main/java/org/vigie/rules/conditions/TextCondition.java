package org.vigie.rules.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.vigie.rules.Evidence;
import org.vigie.rules.lists.TextMode;
import org.vigie.rules.lists.WordList;

/** Entries of a word list found in the given fields; readings in {@code except} never count. */
public record TextCondition(WordList list, TextMode mode, List<Field> fields, WordList except) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        List<Evidence> evidence = new ArrayList<>();
        String grade = list.grade() == null ? null : list.grade().keyword();
        for (Field field : fields) {
            String original = context.raw(field);
            Supplier<List<WordList.Found>> exceptions = except == null ? null : () -> context.exceptions(field, except);
            for (WordList.Found found : list.findExcept(context.normalized(field), mode, exceptions)) {
                evidence.add(new Evidence(field.key(), original.substring(found.span().start(), found.span().end()),
                        found.normalized(), found.span().start(), found.span().end(), grade));
            }
        }
        return evidence.isEmpty() ? null : evidence;
    }
}
