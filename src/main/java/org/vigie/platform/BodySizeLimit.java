package org.vigie.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body declared larger than {@code quarkus.http.limits.max-body-size} with a problem document,
 * before any of it is read. (Quarkus itself would answer a bare 413 with no body.)
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBodySize.asLongValue()) {
            context.next();
            return;
        }
        Problem problem = new Problem(Problem.type("payload-too-large"), "Payload Too Large", 413,
                "The request body is " + length + " bytes; at most " + maxBodySize.asLongValue() + " are accepted.",
                context.request().path(), null);
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem))
                    .onComplete(done -> context.request().connection().close());
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
