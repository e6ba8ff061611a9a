package org.vigie.article;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** The frontend's own id of an article: 1 to 200 characters of {@code [A-Za-z0-9._:/-]}; null passes (absent query parameter). */
@Pattern(regexp = ArticleKey.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({ PARAMETER, FIELD, TYPE_USE })
public @interface ArticleKey {

    String PATTERN = "[A-Za-z0-9._:/-]{1,200}";

    String message() default "{org.vigie.ArticleKey.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
