package org.vigie.rules.conditions;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vigie.rules.Submission;
import org.vigie.rules.lists.Links;
import org.vigie.rules.lists.Links.Link;
import org.vigie.rules.lists.Undisguised;
import org.vigie.rules.lists.WordList;
import org.vigie.rules.normalize.NormalizedText;

/** A submission being evaluated, with each field normalised once however many rules read it. */
public final class Context {

    private final Submission submission;
    private final Map<Field, NormalizedText> normalized = new EnumMap<>(Field.class);
    private List<Link> links;
    private Undisguised undisguised;
    private final Map<Field, Map<WordList, List<WordList.Found>>> exceptions = new EnumMap<>(Field.class);

    public Context(Submission submission) {
        this.submission = submission;
    }

    /**
     * A context whose body was normalised already, by a caller that needed it too (for a fingerprint, say):
     * {@code body} must be {@code NormalizedText.of(submission.body())}.
     */
    public Context(Submission submission, NormalizedText body) {
        this.submission = submission;
        normalized.put(Field.BODY, body);
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

    /**
     * The entries of an exception list found in a field, found once however many text rules share the
     * list (the innocent forms, say).
     */
    public List<WordList.Found> exceptions(Field field, WordList except) {
        return exceptions.computeIfAbsent(field, f -> new HashMap<>())
                .computeIfAbsent(except, list -> list.exceptionsIn(normalized(field)));
    }

    /** The links of the body, found once however many rules count them. */
    public List<Link> links() {
        if (links == null) {
            links = Links.find(normalized(Field.BODY), undisguised());
        }
        return links;
    }

    /** The body with the disguises of addresses undone, worked out once for links and contacts. */
    public Undisguised undisguised() {
        if (undisguised == null) {
            undisguised = Undisguised.of(normalized(Field.BODY));
        }
        return undisguised;
    }
}
