package dev.llmstatus.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute {@code http} or {@code https} URL with a host; {@code null} is valid (add {@code @NotNull} when
 * required).
 */
@Documented
@Constraint(validatedBy = WebUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebUrl {

    String message() default "is not an absolute http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link URI}. */
    class Validator implements ConstraintValidator<WebUrl, URI> {

        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            return value == null || (("https".equals(value.getScheme()) || "http".equals(value.getScheme()))
                    && value.getHost() != null);
        }

    }

}
