package org.roomgate.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a write that takes an {@value #HEADER} header (draft-ietf-httpapi-idempotency-key-header):
 * {@link IdempotencyInterceptor} runs it with its key claimed in the same transaction, so a retry
 * gets the first answer and nothing is done twice. The resource method also names the header's
 * OpenAPI parameter, {@code @Parameter(ref = Idempotent.HEADER)}; {@link IdempotencyOpenApiFilter}
 * describes it once and adds the 409 and 422 it can cause.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
// TYPE only for the interceptor class, which carries its own binding; resources mark methods.
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {

    String HEADER = "Idempotency-Key";

    /**
     * How a retry is answered: by default the first answer as it was stored; a {@link Replay}
     * derives it anew from what it kept (a join: a fresh token, consent checked again).
     */
    @Nonbinding
    Class<? extends Replay> replay() default Replay.class;
}
