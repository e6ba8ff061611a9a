package org.vigie.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Finds the client's address. Without a reverse proxy, it is the address that connects. Behind
 * trusted proxies ({@code quarkus.http.proxy.*}), it is found in {@code X-Forwarded-For} from the
 * right: each trusted proxy appends the address it saw, so the first address from the right that is
 * not a trusted proxy is the client's, and whatever a client writes to the left of it is ignored.
 * With forwarding on but no list of trusted proxies, only the connecting proxy is trusted, and the
 * client is the last address it appended.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final boolean forwarding;
    private final List<Network> trusted;

    @Inject
    public ClientAddresses(
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded", defaultValue = "false") boolean xForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwarding = forwarding && xForwarded;
        List<Network> networks = new ArrayList<>();
        for (String proxy : trustedProxies.orElse(List.of())) {
            if (isUnbracketedIpv6(proxy.strip())) {
                LOG.warnf("quarkus.http.proxy.trusted-proxies: Quarkus reads '%s' as a host name and looks it up in DNS on every"
                        + " request; write the address in brackets: [%s]", proxy.strip(), proxy.strip());
            }
            Optional<Network> network = Network.parse(proxy.strip());
            if (network.isPresent()) {
                networks.add(network.get());
            } else {
                LOG.warnf("quarkus.http.proxy.trusted-proxies: '%s' is not an IP address or a CIDR range; Vigie ignores it"
                        + " when it looks for the client's address", proxy);
            }
        }
        this.trusted = List.copyOf(networks);
    }

    /** Where this request comes from. */
    public ClientOrigin of(HttpServerRequest request) {
        // The connection's own peer: Quarkus may already have replaced request.remoteAddress() with the
        // leftmost, client-written, entry of X-Forwarded-For.
        SocketAddress socket = request.connection() == null ? request.remoteAddress() : request.connection().remoteAddress();
        String peer = socket == null ? "unknown" : socket.hostAddress();
        return new ClientOrigin(forwarding ? fromHeader(peer, request.headers().getAll("X-Forwarded-For")) : peer);
    }

    /** The client's address behind {@code peer}, given every X-Forwarded-For header, in order. */
    String fromHeader(String peer, List<String> headers) {
        if (!trusted.isEmpty() && !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                String address = bare(entry.strip());
                if (!address.isEmpty()) {
                    chain.add(address);
                }
            }
        }
        if (chain.isEmpty()) {
            return peer;
        }
        if (trusted.isEmpty()) {
            return chain.get(chain.size() - 1);
        }
        for (int i = chain.size() - 1; i > 0; i--) {
            if (!isTrusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.get(0);
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> ip = literal(address);
        return ip.isPresent() && trusted.stream().anyMatch(network -> network.contains(ip.get()));
    }

    /** An address without brackets or port: {@code [2001:db8::1]:443} and {@code 192.0.2.1:80} as written in headers. */
    static String bare(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && colon == entry.lastIndexOf(':')) {
            return entry.substring(0, colon);
        }
        return entry;
    }

    /** An IPv6 address without brackets or a range, which Quarkus takes for a host name and a port. */
    static boolean isUnbracketedIpv6(String entry) {
        return entry.indexOf(':') >= 0 && !entry.startsWith("[") && entry.indexOf('/') < 0;
    }

    /** An IP address written as digits; never a name, which would need a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or a CIDR range. */
    record Network(byte[] prefix, int bits) {

        static Optional<Network> parse(String text) {
            int slash = text.indexOf('/');
            String written = slash < 0 ? text : text.substring(0, slash);
            if (written.startsWith("[") && written.endsWith("]")) {
                written = written.substring(1, written.length() - 1);
            }
            Optional<InetAddress> address = literal(written);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Network(bytes, bits));
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((other[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
