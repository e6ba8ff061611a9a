package org.vigie.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.vigie.http.CanonicalPaths;
import org.vigie.http.LoginFailed;
import org.vigie.http.ProblemResponses;
import org.vigie.platform.ClientAddresses;
import org.vigie.platform.IpHasher;
import org.vigie.platform.RateLimited;
import org.vigie.platform.RateLimiter;
import org.vigie.platform.VigieConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Slows password guessing: an address that failed to log in too often in the last minute gets 429
 * on moderation and admin endpoints, before its next password costs a bcrypt check.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    static final String ACTION = "login-failure";

    @Inject
    RateLimiter rateLimiter;

    @Inject
    IpHasher ipHasher;

    @Inject
    ClientAddresses addresses;

    @Inject
    VigieConfig config;

    @Inject
    ProblemResponses problems;

    void register(@Observes Filters filters) {
        filters.register(this::check, 900);
    }

    private void check(RoutingContext context) {
        String path = CanonicalPaths.decoded(context.request().path());
        boolean guarded = path.startsWith("/api/v1/moderation/") || path.startsWith("/api/v1/admin/");
        if (!guarded || context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            context.next();
            return;
        }
        String ipHash = ipHasher.hash(addresses.of(context.request()));
        context.vertx().<Optional<Long>> executeBlocking(() -> QuarkusTransaction.joiningExisting()
                .call(() -> rateLimiter.blockedFor(ACTION, ipHash, config.rateLimit().failedLoginsPerMinute())))
                .onComplete(result -> {
                    if (result.failed()) {
                        context.fail(result.cause());
                    } else if (result.result().isPresent()) {
                        RateLimited limited = new RateLimited("failed logins", result.result().get());
                        problems.send(context, limited.toProblem(path), limited.headers());
                    } else {
                        context.next();
                    }
                });
    }

    /** Counts a failed login from this request's address. */
    void recordFailure(@Observes LoginFailed failure) {
        String ipHash = ipHasher.hash(addresses.of(failure.request()));
        try {
            QuarkusTransaction.requiringNew().run(
                    () -> rateLimiter.hit(ACTION, ipHash, config.rateLimit().failedLoginsPerMinute()));
        } catch (RateLimited alreadyBlocked) {
            // The next attempt will be refused by check(); this one gets its 401 as usual.
        } catch (RuntimeException e) {
            LOG.warn("Could not record a failed login", e);
        }
    }
}
