package dev.llmstatus.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A list of texts in which no entry repeats another, ignoring case; {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = Distinct.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Distinct {

    String message() default "duplicate entry '{duplicate}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a collection of texts. */
    class Validator implements ConstraintValidator<Distinct, Collection<String>> {

        @Override
        public boolean isValid(Collection<String> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (String value : values) {
                if (value != null && !seen.add(value.strip().toLowerCase(Locale.ROOT))) {
                    // a parameter, not part of the template, so that braces in the value are not interpolated
                    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("duplicate", value);
                    return false;
                }
            }
            return true;
        }

    }

}
