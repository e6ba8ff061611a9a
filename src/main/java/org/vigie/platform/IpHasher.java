package org.vigie.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Turns a client address into the HMAC-SHA256 hash Vigie stores for rate limits and bans. IPv6
 * addresses are cut to their /64 network first: one subscriber gets a whole /64 and could otherwise
 * dodge a limit by changing address.
 */
@ApplicationScoped
public class IpHasher {

    static final String SECRET_SETTING = "ip-hash-secret";

    @Inject
    VigieConfig config;

    @Inject
    EntityManager entityManager;

    private volatile Mac prototype;

    void onStart(@Observes StartupEvent event) {
        String secret = config.privacy().ipHashSecret().filter(s -> !s.isBlank())
                .orElseGet(() -> QuarkusTransaction.requiringNew().call(this::sharedSecret));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            prototype = mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Reads the generated secret every instance shares, creating it on the very first start. */
    private String sharedSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        entityManager.createNativeQuery("INSERT INTO vigie_setting (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")
                .setParameter(1, SECRET_SETTING)
                .setParameter(2, Base64.getEncoder().encodeToString(random))
                .executeUpdate();
        return (String) entityManager.createNativeQuery("SELECT value FROM vigie_setting WHERE name = ?1")
                .setParameter(1, SECRET_SETTING)
                .getSingleResult();
    }

    public String hash(ClientOrigin origin) {
        return hmac(network(origin.address()));
    }

    /** A keyed hash of another identifier (a frontend's reporter id), in its own domain. */
    public String hashText(String kind, String text) {
        return hmac((kind + ":").getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 16 bytes of the HMAC of these bytes, one after the other, in hex. */
    private String hmac(byte[]... parts) {
        try {
            Mac mac = (Mac) prototype.clone();
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal(), 0, 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] network(String address) {
        boolean literal = address.indexOf(':') >= 0 || address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            // Not an IP literal (a Unix socket peer has none): hash the text, and never ask DNS.
            return address.getBytes(StandardCharsets.UTF_8);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            }
            return bytes;
        } catch (UnknownHostException e) {
            return address.getBytes(StandardCharsets.UTF_8);
        }
    }
}
