package org.vigie.rules.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigie.rules.Evidence;
import org.vigie.rules.lists.DomainList;
import org.vigie.rules.lists.Links.Link;

/**
 * Links in the body. With {@code to}, holds when a link points into that domain list; otherwise holds
 * when there are at least {@code atLeast} links, not counting those into {@code ignoring} (the site's
 * own domains, say).
 */
public record LinksCondition(int atLeast, DomainList to, DomainList ignoring) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        String body = context.raw(Field.BODY);
        List<Evidence> counted = new ArrayList<>();
        for (Link link : context.links()) {
            if (ignoring != null && ignoring.covering(link).isPresent()) {
                continue;
            }
            if (to != null) {
                Optional<String> listed = to.covering(link);
                if (listed.isPresent()) {
                    return List.of(evidence(body, link, listed.get()));
                }
            } else if (link.counted()) {
                counted.add(evidence(body, link, link.host()));
            }
        }
        return to == null && counted.size() >= atLeast && atLeast > 0 ? counted : null;
    }

    private static Evidence evidence(String body, Link link, String normalized) {
        return new Evidence(Field.BODY.key(), body.substring(link.start(), link.end()), normalized, link.start(),
                link.end());
    }
}
