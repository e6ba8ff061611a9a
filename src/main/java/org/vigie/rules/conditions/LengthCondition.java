package org.vigie.rules.conditions;

import java.util.List;

import org.vigie.rules.Evidence;

/** The body's length, in characters after trimming, is within [min, max] (either bound may be absent). */
public record LengthCondition(Integer min, Integer max) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        String body = context.raw(Field.BODY).strip();
        int length = body.codePointCount(0, body.length());
        if ((min != null && length < min) || (max != null && length > max)) {
            return null;
        }
        return List.of(Evidence.fact(Field.BODY.key(), length + " caractères"));
    }
}
