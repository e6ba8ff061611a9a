package org.vigie.http;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;

/**
 * The JSON body of a write must be present. Put it on the resource parameter named
 * {@value ProblemMapper#PAYLOAD}, beside {@code @Valid}, so a missing body is reported without a field.
 */
@NotNull
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface RequiredBody {

    String message() default "{org.vigie.Payload.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
