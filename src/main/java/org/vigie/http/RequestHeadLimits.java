package org.vigie.http;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.vigie.platform.Problem;
import org.vigie.platform.VigieConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an overlong request target (414) or header section (431) with a problem document. The HTTP
 * codec's own limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size})
 * sit well above these, so that ordinary refusals are made here, in the API's format; past the codec's
 * limits the connection is answered by the codec itself, with a bare status.
 */
@ApplicationScoped
public class RequestHeadLimits {

    @Inject
    VigieConfig config;

    @Inject
    ProblemResponses problems;

    void register(@Observes Filters filters) {
        // Before every other filter: nothing else reads a request head that is over the limits.
        filters.register(this::check, 3000);
    }

    private void check(RoutingContext context) {
        long maxUri = config.http().maxUriLength().asLongValue();
        long maxHeaders = config.http().maxHeaderSize().asLongValue();
        String uri = context.request().uri();
        if (uri != null && uri.length() > maxUri) {
            refuse(context, new Problem(Problem.type("uri-too-long"), "URI Too Long", 414,
                    "The request target is over the limit of " + maxUri + " characters.", null,
                    List.of(new Problem.FieldError("uri", "At most " + maxUri + " characters."))));
        } else if (size(context.request().headers()) > maxHeaders) {
            refuse(context, new Problem(Problem.type("header-fields-too-large"), "Request Header Fields Too Large", 431,
                    "The request headers are over the limit of " + maxHeaders + " bytes.", null,
                    List.of(new Problem.FieldError("headers", "At most " + maxHeaders + " bytes in all."))));
        } else {
            context.next();
        }
    }

    /** As the codec counts: each line's name, ": ", value and line break. */
    static long size(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private void refuse(RoutingContext context, Problem problem) {
        // The rest of the request is not read: close the connection once the answer is out.
        problems.sendAndClose(context, problem);
    }
}
