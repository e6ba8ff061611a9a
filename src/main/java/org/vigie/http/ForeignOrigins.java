package org.vigie.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigie.platform.Problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request sent by a browser from a site that {@code quarkus.http.cors.origins} does not allow
 * with a problem document (403, {@code origin-not-allowed}), as every refusal is; Quarkus's CORS filter,
 * which runs after this one, would answer a bare 403. The same origins pass as for that filter: those
 * listed, those matching a listed {@code /regular expression/}, and the service's own.
 * Preflight requests ({@code OPTIONS}) are left to the CORS filter, which answers them without a body.
 */
@ApplicationScoped
public class ForeignOrigins {

    @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    @Inject
    ProblemResponses problems;

    private List<String> exact;
    private List<Pattern> patterns;
    private boolean any;

    void register(@Observes Filters filters) {
        List<String> listed = origins.orElse(List.of());
        any = listed.contains("*");
        exact = listed.stream().filter(o -> !(o.startsWith("/") && o.endsWith("/") && o.length() > 1)).toList();
        patterns = listed.stream().filter(o -> o.startsWith("/") && o.endsWith("/") && o.length() > 1)
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
        // After the request head's limits and the canonical path, before the CORS filter and the login throttle.
        filters.register(this::check, 950);
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (!enabled || any || origin == null || context.request().method() == HttpMethod.OPTIONS || allowed(origin, context)) {
            context.next();
            return;
        }
        problems.send(context, new Problem(Problem.type("origin-not-allowed"), "Origin not allowed", 403,
                "Requests from this site's pages are not allowed; quarkus.http.cors.origins lists those that are.",
                null, List.of(new Problem.FieldError("Origin", "Not one of the allowed origins."))), Map.of());
    }

    private boolean allowed(String origin, RoutingContext context) {
        if (exact.contains(origin) || patterns.stream().anyMatch(p -> p.matcher(origin).matches())) {
            return true;
        }
        HostAndPort authority = context.request().authority();
        if (authority == null) {
            return false;
        }
        String own = context.request().scheme() + "://" + authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
        return origin.equalsIgnoreCase(own);
    }
}
