package org.vigie.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.vigie.platform.JsonBytes;
import org.vigie.platform.VigieConfig;

/**
 * The answer for what readers read from memory (thread pages, counts, the ranking): the bytes with their
 * strong ETag, or {@code 304 Not Modified} when If-None-Match names it, and a {@code Cache-Control} that lets
 * a CDN or a reverse proxy keep them briefly ({@code vigie.cache.*}).
 */
public final class Revalidation {

    private Revalidation() {
    }

    public static RestResponse<byte[]> answer(JsonBytes kept, String ifNoneMatch, VigieConfig.Cache settings) {
        String cacheControl = "public, max-age=" + settings.maxAge().toSeconds() + ", stale-while-revalidate="
                + settings.staleWhileRevalidate().toSeconds();
        RestResponse.ResponseBuilder<byte[]> response = matches(ifNoneMatch, kept.etag())
                ? RestResponse.ResponseBuilder.<byte[]> create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(kept.json(), MediaType.APPLICATION_JSON);
        return response.header(HttpHeaders.ETAG, kept.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /** Whether If-None-Match names this ETag: one of a list, or {@code *} (compared weakly, as RFC 9110 says). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
