package org.vigie.platform;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a public request comes from. The address is the one Vert.x reports, which honours
 * {@code X-Forwarded-For} only when {@code quarkus.http.proxy.*} says the proxy is trusted. It is never
 * stored or logged: {@link IpHasher} turns it into a keyed hash first.
 */
public record ClientOrigin(String address) {

    public static ClientOrigin of(HttpServerRequest request) {
        return new ClientOrigin(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    @Override
    public String toString() {
        return "ClientOrigin[hidden]";
    }
}
