package org.vigie.http;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigie.platform.DomainException;
import org.vigie.platform.Problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where errors become RFC 9457 problems. Nothing here echoes exception class names,
 * stack traces or submitted values: a problem names the field at fault and says what is expected.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Name of the resource-method parameter that carries a JSON request body. */
    public static final String PAYLOAD = "payload";

    @Inject
    Event<LoginFailed> loginFailed;

    static final String BASIC_CHALLENGE = "Basic realm=\"Vigie\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> response = problem(e.status(), e.toProblem(path(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(error -> String.valueOf(error.field())));
        String detail;
        if (errors.size() == 1 && errors.get(0).field() == null) {
            detail = "A JSON request body is required.";
        } else if (errors.size() == 1) {
            detail = "Invalid value for " + errors.get(0).field() + ".";
        } else {
            detail = "The request is not valid; see errors for each field at fault.";
        }
        return problem(400, new Problem(Problem.type("validation"), "Invalid request", 400, detail, path(uri), errors))
                .build();
    }

    /** Overrides quarkus-rest-jackson's own mapper, which echoes the rejected value in its own format. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            return problem(400, new Problem(Problem.type("validation"), "Invalid request", 400,
                    "Invalid value for " + field + ".", path(uri),
                    List.of(new Problem.FieldError(field, "has the wrong type or format")))).build();
        }
        return problem(400, new Problem(Problem.type("malformed-json"), "Malformed JSON", 400,
                "The request body is not well-formed JSON.", path(uri), null)).build();
    }

    /**
     * A wrong password is counted for the login throttle before the 401 leaves, on a worker thread:
     * authentication may fail on the event loop, where the database must not be called.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<RestResponse<Problem>> unauthorized(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        RestResponse<Problem> response = problem(401, new Problem(Problem.type("unauthorized"), "Authentication required",
                401, "Valid moderator credentials are required (HTTP Basic).", path(uri), null))
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .build();
        if (!(e instanceof AuthenticationFailedException)) {
            return Uni.createFrom().item(response);
        }
        return Uni.createFrom().item(() -> {
            loginFailed.fire(new LoginFailed(request));
            return response;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your account's role does not allow this operation.", path(uri), null)).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Error" : reason.getReasonPhrase();
        RestResponse.ResponseBuilder<Problem> response = problem(status,
                new Problem(Problem.type(slug(title)), title, status, detailFor(status), path(uri), null));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnreachable(e)) {
            // A known state, not a bug: one line, no stack trace, and a hint to come back.
            LOG.warnf("Database unreachable on %s: %s", redacted(path(uri)), rootCause(e).getMessage());
            return problem(503, new Problem(Problem.type("database-unavailable"), "Service Unavailable", 503,
                    "The database cannot be reached; try again in a few seconds.", path(uri), null))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_SECONDS))
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, redacted(path(uri)));
        return problem(500, new Problem(Problem.type("internal"), "Internal error", 500,
                "Vigie could not complete this request; the error id is " + errorId + ".", path(uri), null))
                .build();
    }

    static final int DATABASE_RETRY_SECONDS = 5;

    /**
     * Whether PostgreSQL could not be reached: a connection refused or broken (SQLSTATE class 08), a
     * server shutting down or starting (57P01 to 57P03), or no connection to be had from the pool in time.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        // Causes, and suppressed exceptions too: a commit cut short by a crash arrives as a RollbackException
        // whose SQL error is suppressed in it.
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
            pending.addAll(List.of(cause.getSuppressed()));
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static RestResponse.ResponseBuilder<Problem> problem(int status, Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "Nothing exists at this address.";
            case 405 -> "This path does not serve this method; the contract lists the ones it does.";
            case 406 -> "Vigie answers application/json only.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> "The request could not be handled.";
        };
    }

    /** Paths name authors by email (/moderation/authors/{email}): never log one. */
    static String redacted(String path) {
        return path == null ? null : path.replaceAll("[^/]*@[^/]*", "{email}");
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * "post.payload.authorName" becomes "authorName"; "list.limit" becomes "limit"; a violation on the
     * body itself ("post.payload") has no field.
     */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && PAYLOAD.equals(node.getName())) {
                continue;
            }
            // A node inside a list or map carries the index of its container: "items[0].version".
            if (node.isInIterable() && !names.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
            }
            // Elements of a list of plain values come as "<list element>" nodes: their index is all they add.
            String name = node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null ? "" : node.getName();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
