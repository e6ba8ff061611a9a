package org.vigie.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client's address behind proxies: read from the right of X-Forwarded-For, never from what a client wrote. */
class ClientAddressesTest {

    private static final ClientAddresses ONE_TRUSTED_PROXY = new ClientAddresses(true, true, Optional.of(List.of("10.0.0.5")));
    private static final ClientAddresses TWO_TRUSTED_PROXIES = new ClientAddresses(true, true,
            Optional.of(List.of("10.0.0.5", "192.168.0.0/16", "2001:db8::/32")));
    private static final ClientAddresses ANY_ONE_PROXY = new ClientAddresses(true, true, Optional.empty());
    private static final ClientAddresses NO_PROXY = new ClientAddresses(false, false, Optional.of(List.of("10.0.0.5")));

    @ParameterizedTest(name = "{0} via {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // one proxy, which appends the address it saw
            "203.0.113.7 | 10.0.0.5 | 203.0.113.7",
            "6.6.6.6, 203.0.113.7 | 10.0.0.5 | 203.0.113.7",
            "forged, 1.2.3.4, 203.0.113.7 | 10.0.0.5 | 203.0.113.7",
            // not through the proxy: the header is the client's own, and ignored
            "6.6.6.6 | 203.0.113.8 | 203.0.113.8",
            // the proxy appended nothing
            "'' | 10.0.0.5 | 10.0.0.5",
            "[2001:db8:1::7]:443 | 10.0.0.5 | 2001:db8:1::7",
            "203.0.113.7:5000 | 10.0.0.5 | 203.0.113.7" })
    void oneTrustedProxy(String header, String peer, String client) {
        assertEquals(client, ONE_TRUSTED_PROXY.fromHeader(peer, List.of(header)));
    }

    @ParameterizedTest(name = "{0} via {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7, 192.168.1.2 | 10.0.0.5 | 203.0.113.7",
            "6.6.6.6, 203.0.113.7, 192.168.1.2 | 10.0.0.5 | 203.0.113.7",
            "10.0.0.5, 192.168.1.2 | 10.0.0.5 | 10.0.0.5",
            "203.0.113.7, 2001:db8::9 | 10.0.0.5 | 203.0.113.7",
            "203.0.113.7, 10.0.0.6 | 10.0.0.5 | 10.0.0.6" })
    void twoTrustedProxies(String header, String peer, String client) {
        assertEquals(client, TWO_TRUSTED_PROXIES.fromHeader(peer, List.of(header)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "6.6.6.6, 203.0.113.7 | 203.0.113.7",
            "203.0.113.7 | 203.0.113.7" })
    void withoutAListOnlyTheConnectingProxyIsTrusted(String header, String client) {
        assertEquals(client, ANY_ONE_PROXY.fromHeader("172.17.0.1", List.of(header)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "6.6.6.6 | 10.0.0.5" })
    void withoutForwardingTheHeaderIsIgnored(String header, String peer) {
        // fromHeader is only asked when forwarding is on; of() answers the peer otherwise.
        assertEquals(peer, NO_PROXY.fromHeader(peer, List.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.5 | 10.0.0.5 | true",
            "192.168.0.0/16 | 192.168.200.1 | true",
            "192.168.0.0/16 | 192.169.0.1 | false",
            "2001:db8::/32 | 2001:db8:ffff::1 | true",
            "2001:db8::/32 | 2001:db9::1 | false",
            "0.0.0.0/0 | 8.8.8.8 | true",
            "10.0.0.5 | 2001:db8::1 | false",
            "[::1] | ::1 | true",
            "[2001:db8::5] | 2001:db8::5 | true" })
    void networksContainTheirAddresses(String network, String address, boolean contained) {
        assertEquals(contained, ClientAddresses.Network.parse(network).orElseThrow()
                .contains(ClientAddresses.literal(address).orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "::1 | true", "0:0:0:0:0:0:0:1 | true", "[::1] | false", "2001:db8::/32 | false", "10.0.0.5 | false" })
    void anUnbracketedIpv6AddressIsTheOneSpellingQuarkusResolvesInDns(String entry, boolean warned) {
        assertEquals(warned, ClientAddresses.isUnbracketedIpv6(entry));
    }

    @ParameterizedTest
    @CsvSource({ "proxy.example", "10.0.0.5/33", "not an address", "1.2.3" })
    void namesAndBadRangesAreNotNetworks(String text) {
        assertEquals(Optional.empty(), ClientAddresses.Network.parse(text));
    }
}
