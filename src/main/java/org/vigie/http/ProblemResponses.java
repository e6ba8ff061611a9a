package org.vigie.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vigie.platform.Problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem from the HTTP layer, for refusals made before a request reaches a resource. */
@ApplicationScoped
public class ProblemResponses {

    @Inject
    ObjectMapper json;

    public void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        try {
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            headers.forEach(context.response()::putHeader);
            context.response().end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
