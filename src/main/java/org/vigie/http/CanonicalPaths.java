package org.vigie.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.vigie.platform.Problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before anything else looks at a request, a path that is not written in its one normal form:
 * with {@code .} or {@code ..} segments, empty segments, {@code ;} parameters, backslashes, or
 * percent-encoded characters that need no encoding. The same operation could otherwise be reached under
 * another spelling, past the limits, size checks and throttles that the HTTP layer applies by path.
 */
@ApplicationScoped
public class CanonicalPaths {

    /**
     * Encoded unreserved characters (RFC 3986 section 2.3), ';' and '\'. An encoded '/' stays allowed: it
     * is how clients send an article key that holds slashes; checks by path read {@link #decoded}.
     */
    private static final Pattern NEEDLESS_ENCODING = Pattern.compile(
            "%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9Bb]|2[DdEe]|5[CcFf]|7[Ee])");

    @Inject
    ProblemResponses problems;

    void register(@Observes Filters filters) {
        // Runs first: the body limit (1000) and the login throttle (900) read the path after it.
        filters.register(context -> {
            if (isCanonical(context.request().path())) {
                context.next();
            } else {
                refuse(context);
            }
        }, 2000);
    }

    static boolean isCanonical(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(';') >= 0
                || NEEDLESS_ENCODING.matcher(path).find()) {
            return false;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The path with its percent-encoding undone, as the routes see it: what checks by path (the login
     * throttle, body limits) compare, so that {@code %2F} for '/' spells nothing new.
     */
    public static String decoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }

    private void refuse(RoutingContext context) {
        problems.send(context, new Problem(Problem.type("non-canonical-path"), "Invalid path", 400,
                "Write the path in its normal form: no '.' or '..' segments, no empty segments, no ';', no '\\',"
                        + " and no percent-encoding of letters, digits, '-', '.', '_', '~', ';' or '\\'.",
                null, List.of(new Problem.FieldError("path", "The path is not in its normal form."))),
                Map.of());
    }
}
