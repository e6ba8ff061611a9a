package org.vigie.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The edit tokens that let an author change their comment: 256 random bits, URL-safe base64, given once
 * in the answer to the post. Only their SHA-256 is stored, so a copy of the database edits nothing.
 */
final class EditTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    /** A new token and the hash to store. */
    record Issued(String token, String hash) {
        @Override
        public String toString() {
            return "Issued[hash=" + hash + "]";
        }
    }

    private EditTokens() {
    }

    static Issued issue() {
        byte[] random = new byte[BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Issued(token, HexFormat.of().formatHex(sha256(token)));
    }

    /** Whether the token is the one whose hash was stored, compared in constant time; false for a missing one. */
    static boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(token), stored);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
