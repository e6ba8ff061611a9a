package org.vigie.http;

import io.vertx.core.http.HttpServerRequest;

/** Fired, on a worker thread, when a request's credentials were refused: the login throttle counts it. */
public record LoginFailed(HttpServerRequest request) {
}
