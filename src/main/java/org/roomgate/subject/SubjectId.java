package org.roomgate.subject;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The platform's pseudonymous id for a pupil: {@code [A-Za-z0-9._-]{1,128}} (API.md "Consent"). */
@NotNull
@Pattern(regexp = "[A-Za-z0-9._-]{1,128}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ PARAMETER, FIELD })
@Retention(RUNTIME)
public @interface SubjectId {

    String message() default "must match [A-Za-z0-9._-]{1,128}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
