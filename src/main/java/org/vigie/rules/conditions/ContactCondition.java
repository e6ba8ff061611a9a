package org.vigie.rules.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.vigie.rules.Evidence;
import org.vigie.rules.lists.Contacts;

/**
 * Ways to reach the author written in the body: phone numbers, email addresses, messaging handles (see
 * {@link Contacts}). {@code region} is the country of numbers written without a country code.
 */
public record ContactCondition(Set<Contacts.Kind> kinds, String region) implements Condition {

    @Override
    public List<Evidence> test(Context context) {
        String body = context.raw(Field.BODY);
        List<Evidence> evidence = new ArrayList<>();
        for (Contacts.Contact contact : Contacts.find(context.normalized(Field.BODY), context.undisguised(), kinds, region)) {
            evidence.add(new Evidence(Field.BODY.key(), body.substring(contact.start(), contact.end()),
                    contact.kind().keyword() + " " + contact.value(), contact.start(), contact.end()));
        }
        return evidence.isEmpty() ? null : evidence;
    }
}
