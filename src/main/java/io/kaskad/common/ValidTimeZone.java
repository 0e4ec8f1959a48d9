package io.kaskad.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An IANA time zone id such as {@code Europe/Moscow}. Null is valid: combine with {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = ValidTimeZoneValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidTimeZone {

    String message() default "{validation.timezone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
