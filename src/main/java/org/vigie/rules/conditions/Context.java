package org.vigie.rules.conditions;

import java.util.EnumMap;
import java.util.Map;

import org.vigie.rules.Submission;
import org.vigie.rules.normalize.NormalizedText;

/** A submission being evaluated, with each field normalised once however many rules read it. */
public final class Context {

    private final Submission submission;
    private final Map<Field, NormalizedText> normalized = new EnumMap<>(Field.class);
    private java.util.List<org.vigie.rules.lists.Links.Link> links;

    public Context(Submission submission) {
        this.submission = submission;
    }

    public Submission submission() {
        return submission;
    }

    public String raw(Field field) {
        String value = switch (field) {
            case BODY -> submission.body();
            case AUTHOR_NAME -> submission.authorName();
        };
        return value == null ? "" : value;
    }

    public NormalizedText normalized(Field field) {
        return normalized.computeIfAbsent(field, f -> NormalizedText.of(raw(f)));
    }

    /** The links of the body, found once however many rules count them. */
    public java.util.List<org.vigie.rules.lists.Links.Link> links() {
        if (links == null) {
            links = org.vigie.rules.lists.Links.find(normalized(Field.BODY));
        }
        return links;
    }
}
