package org.vigie.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A response kept in memory: its JSON bytes and the strong ETag of those bytes. */
public record JsonBytes(byte[] json, String etag) {

    /** Writes {@code value} as JSON and tags the bytes with (the start of) their SHA-256. */
    public static JsonBytes of(ObjectMapper mapper, Object value) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(value);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new JsonBytes(bytes, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
