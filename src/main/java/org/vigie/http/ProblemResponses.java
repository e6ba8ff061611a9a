package org.vigie.http;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vigie.platform.Problem;
import org.vigie.platform.VigieConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem from the HTTP layer, for refusals made before a request reaches a resource. */
@ApplicationScoped
public class ProblemResponses {

    @Inject
    ObjectMapper json;

    @Inject
    VigieConfig config;

    public void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            write(context, problem, headers, false);
            return;
        }
        // A body is still on its way, paused for the filters. One no larger than any operation takes is
        // read and dropped, then the answer goes out and the connection can carry the next request; a
        // larger one, or one of unknown length, is not read: the answer goes out and the connection closes.
        long declared = declaredLength(request);
        if (declared >= 0 && declared <= config.http().maxRuleSetSize().asLongValue()) {
            request.handler(ignored -> {
            });
            request.endHandler(ended -> write(context, problem, headers, false));
            request.resume();
        } else {
            Map<String, String> closing = new HashMap<>(headers);
            closing.put(HttpHeaders.CONNECTION.toString(), "close");
            write(context, problem, closing, true);
        }
    }

    /**
     * Sends the problem with {@code Connection: close} and closes the connection, but reads and drops first
     * a body whose declared length is no larger than any operation takes: a client still writing its body
     * when the connection closes may get a reset in place of the answer. A longer body, or one of unknown
     * length, is not read.
     */
    public void sendAfterBodyAndClose(RoutingContext context, Problem problem) {
        HttpServerRequest request = context.request();
        Map<String, String> closing = Map.of(HttpHeaders.CONNECTION.toString(), "close");
        long declared = declaredLength(request);
        if (!request.isEnded() && declared >= 0 && declared <= config.http().maxRuleSetSize().asLongValue()) {
            request.handler(ignored -> {
            });
            request.endHandler(ended -> write(context, problem, closing, true));
            request.resume();
        } else {
            write(context, problem, closing, true);
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Sends the problem with {@code Connection: close} and closes the connection once it is written: for
     * refusals made before the rest of the request (a body, say) has been read.
     */
    public void sendAndClose(RoutingContext context, Problem problem) {
        write(context, problem, Map.of(HttpHeaders.CONNECTION.toString(), "close"), true);
    }

    private void write(RoutingContext context, Problem problem, Map<String, String> headers, boolean close) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(context.response()::putHeader);
        context.response().end(body).onComplete(written -> {
            if (close) {
                context.request().connection().close();
            }
        });
    }
}
