package org.vigie.http;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * A 201 answer whose {@code Location} is the path of what was created, relative to the server: never
 * built from the request's {@code Host} header, which the client chooses.
 */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(String path, T entity) {
        return RestResponse.ResponseBuilder.<T> create(RestResponse.Status.CREATED, entity)
                .header(HttpHeaders.LOCATION, path)
                .build();
    }
}
