package org.vigie.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.vigie.platform.Problem;
import org.vigie.platform.VigieConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses request bodies over {@code vigie.http.max-body-size} (rule sets: {@code max-rule-set-size})
 * with a problem document. (Quarkus itself answers a bare 413 with no body; its own limit,
 * {@code quarkus.http.limits.max-body-size}, stays as a ceiling above both.) A declared length is
 * checked before anything is read; a chunked body is read here up to the limit, and stays available to
 * the resource.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The operations that take a rule set: replacing it, and trying a proposed one. */
    static final String RULE_SETS = "/api/v1/moderation/rules";
    static final String DRY_RUN = RULE_SETS + "/dry-run";

    @Inject
    VigieConfig config;

    @Inject
    ProblemResponses problems;

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private long limit(RoutingContext context) {
        // By operation, on a path CanonicalPaths has made sure has one spelling.
        String path = CanonicalPaths.decoded(context.request().path());
        HttpMethod method = context.request().method();
        boolean ruleSet = (method == HttpMethod.PUT && path.equals(RULE_SETS)) || (method == HttpMethod.POST && path.equals(DRY_RUN));
        return (ruleSet ? config.http().maxRuleSetSize() : config.http().maxBodySize()).asLongValue();
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            if (mayHaveBody(context.request().method())) {
                BodyHandler.create(false).setBodyLimit(limit(context)).handle(context);
            } else {
                context.next();
            }
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length > limit(context)) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private void refuse(RoutingContext context) {
        problems.sendAfterBodyAndClose(context, new Problem(Problem.type("payload-too-large"), "Payload Too Large", 413,
                "The request body is over the limit of " + limit(context) + " bytes.",
                context.request().path(), null));
    }
}
