package org.vigie.comment;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.vigie.platform.VigieConfig;

/**
 * A text no longer than its configured limit, counted in characters (code points, so an emoji counts
 * one) after trimming. Blank or missing text is left to {@code @NotBlank}.
 */
@Constraint(validatedBy = TextLength.Validator.class)
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
public @interface TextLength {

    Limit value();

    String message() default "{org.vigie.TextLength.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Which configured limit applies. */
    enum Limit {
        BODY,
        AUTHOR_NAME
    }

    @Dependent
    class Validator implements ConstraintValidator<TextLength, String> {

        // Validators are built at static init, before runtime configuration exists: look it up when used.
        @Inject
        Instance<VigieConfig> config;

        private Limit limit;

        @Override
        public void initialize(TextLength annotation) {
            limit = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            VigieConfig.Comments comments = config.get().comments();
            int max = limit == Limit.BODY ? comments.maxBodyLength() : comments.maxAuthorNameLength();
            String trimmed = value.strip();
            if (trimmed.codePointCount(0, trimmed.length()) <= max) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("max", max);
            return false;
        }
    }
}
