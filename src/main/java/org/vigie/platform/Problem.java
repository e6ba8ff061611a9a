package org.vigie.platform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error Vigie answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
public record Problem(
        @Schema(description = "URI naming the kind of problem", examples = "urn:vigie:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong with this request") String detail,
        @Schema(description = "Path of the request") String instance,
        @Schema(description = "Fields at fault, for invalid input") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault; no field when the whole body is missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(
            @Schema(description = "Name of the field, query parameter or path parameter at fault") String field,
            @Schema(description = "What is wrong with it, in the request's language") String message) {
    }

    public static String type(String slug) {
        return "urn:vigie:problem:" + slug;
    }
}
