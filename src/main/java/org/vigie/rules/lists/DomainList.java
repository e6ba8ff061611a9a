package org.vigie.rules.lists;

import java.net.IDN;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Web domains; a domain in the list also covers its subdomains (example.com covers www.example.com). */
public final class DomainList {

    private final Set<String> domains = new HashSet<>();

    private DomainList(Collection<String> entries) {
        for (String entry : entries) {
            normalize(entry).ifPresent(domains::add);
        }
    }

    public static DomainList of(Collection<String> entries) {
        return new DomainList(entries);
    }

    public int size() {
        return domains.size();
    }

    /** The listed domain that covers {@code host}, if any. */
    public Optional<String> covering(String host) {
        Optional<String> normalized = normalize(host);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        String domain = normalized.get();
        while (true) {
            if (domains.contains(domain)) {
                return Optional.of(domain);
            }
            int dot = domain.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            domain = domain.substring(dot + 1);
        }
    }

    /** Lowercase ASCII (punycode) host without a trailing dot, scheme, port or path. */
    static Optional<String> normalize(String entry) {
        String host = entry.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int end = 0;
        while (end < host.length() && "/:?#".indexOf(host.charAt(end)) < 0) {
            end++;
        }
        host = host.substring(0, end);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("*.")) {
            host = host.substring(2);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
