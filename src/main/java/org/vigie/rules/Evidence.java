package org.vigie.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a rule saw: the span as the author typed it, how the rules read it, and where it stands.
 *
 * @param field the field read: body, authorName, or a fact such as history or links
 * @param original the text as typed
 * @param normalized the text as matched (folded, undisguised) or a short description of a fact
 * @param start offset in the field of the span's first character, -1 for facts
 * @param end offset just after the span, -1 for facts
 * @param grade how hard the word found hits (mild, strong, hate), when it comes from a graded list
 */
@Schema(name = "Evidence")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String field, String original, String normalized, int start, int end,
        @Schema(enumeration = { "mild", "strong", "hate" }) String grade) {

    public Evidence(String field, String original, String normalized, int start, int end) {
        this(field, original, normalized, start, end, null);
    }

    public static Evidence fact(String field, String description) {
        return new Evidence(field, description, description, -1, -1);
    }
}
