package org.vigie.rules.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigie.rules.Evidence;
import org.vigie.rules.lists.DomainList;
import org.vigie.rules.lists.Links;

/**
 * Links in the body. With {@code to}, holds when a link points into that domain list; otherwise holds
 * when there are at least {@code atLeast} links, not counting those into {@code ignoring} (the site's
 * own domains, say).
 */
public record LinksCondition(int atLeast, DomainList to, DomainList ignoring) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        String body = context.raw(Field.BODY);
        List<Links.Link> links = context.links();
        List<Evidence> counted = new ArrayList<>();
        for (Links.Link link : links) {
            if (ignoring != null && ignoring.covering(link.host()).isPresent()) {
                continue;
            }
            Evidence evidence = new Evidence(Field.BODY.key(), body.substring(link.start(), link.end()), link.host(),
                    link.start(), link.end());
            if (to != null) {
                Optional<String> listed = to.covering(link.host());
                if (listed.isPresent()) {
                    return List.of(new Evidence(evidence.field(), evidence.original(), listed.get(), evidence.start(),
                            evidence.end()));
                }
            } else if (link.counted()) {
                counted.add(evidence);
            }
        }
        return to == null && counted.size() >= atLeast && atLeast > 0 ? counted : null;
    }
}
