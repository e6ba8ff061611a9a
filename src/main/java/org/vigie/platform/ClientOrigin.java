package org.vigie.platform;

/**
 * Where a public request comes from, as {@link ClientAddresses} finds it. The address is never stored or
 * logged: {@link IpHasher} turns it into a keyed hash first.
 */
public record ClientOrigin(String address) {

    @Override
    public String toString() {
        return "ClientOrigin[hidden]";
    }
}
