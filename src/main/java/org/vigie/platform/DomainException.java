package org.vigie.platform;

import java.util.List;
import java.util.Map;

/**
 * A refusal the API reports as a problem: thrown by services, turned into problem+json by
 * {@code org.vigie.http.ProblemMapper}. Subclasses name the business reason ({@code ArticleClosed}, {@code CommentNotFound}).
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    protected DomainException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, (List<Problem.FieldError>) null);
    }

    protected DomainException(int status, String slug, String title, String detail, String field) {
        this(status, slug, title, detail, field == null ? null : List.of(new Problem.FieldError(field, detail)));
    }

    /** A refusal with several fields at fault, each with its own message. */
    protected DomainException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }
}
