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

    /** The listed domain that covers the link's host, if any. */
    public Optional<String> covering(Links.Link link) {
        String domain = link.domain();
        if (domain == null) {
            return Optional.empty();
        }
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

    /**
     * A list entry, or a link's host, as domain lists read it: lowercase ASCII (punycode) host without a
     * leading "*.", trailing dot, scheme, port or path.
     */
    static Optional<String> normalize(String entry) {
        String host = entry.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        host = withoutTrailing(beforePortOrPath(host), ".");
        if (host.startsWith("*.")) {
            host = host.substring(2);
        }
        return host.isEmpty() ? Optional.empty() : Optional.ofNullable(punycode(host));
    }

    /** The start of an address, up to its port, path, query or fragment. */
    static String beforePortOrPath(String address) {
        int end = 0;
        while (end < address.length() && "/?#:".indexOf(address.charAt(end)) < 0) {
            end++;
        }
        return address.substring(0, end);
    }

    /** The host without the trailing characters among {@code dots}. */
    static String withoutTrailing(String host, String dots) {
        int end = host.length();
        while (end > 0 && dots.indexOf(host.charAt(end - 1)) >= 0) {
            end--;
        }
        return host.substring(0, end);
    }

    /** The host in punycode, lower case; null if it is no valid domain name. */
    static String punycode(String host) {
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
