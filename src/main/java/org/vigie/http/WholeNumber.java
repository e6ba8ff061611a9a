package org.vigie.http;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A query parameter that must be a whole number within bounds. JAX-RS answers 404 when a query
 * parameter fails to convert to a number; taking the text and validating it here gives the client a
 * 400 problem that names the parameter instead. Absent parameters pass and take their default.
 */
@Constraint(validatedBy = WholeNumber.Validator.class)
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface WholeNumber {

    long min();

    long max();

    String message() default "{org.vigie.WholeNumber.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads a parameter that passed validation. */
    final class Values {
        private Values() {
        }

        /** The parameter's value, or {@code absent} when the client left it out. */
        public static int or(String value, int absent) {
            return value == null || value.isEmpty() ? absent : Integer.parseInt(value);
        }
    }

    class Validator implements ConstraintValidator<WholeNumber, String> {

        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            if (!value.matches("[+-]?\\d{1,10}")) {
                return false;
            }
            long number = Long.parseLong(value);
            return number >= min && number <= max;
        }
    }
}
