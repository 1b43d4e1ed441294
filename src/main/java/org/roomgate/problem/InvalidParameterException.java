package org.roomgate.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

/**
 * A path or query parameter that cannot be read. It is a {@link WebApplicationException} so
 * that JAX-RS passes it on from parameter conversion unchanged instead of turning it into a
 * 404; its response is already the problem document naming the parameter.
 */
public class InvalidParameterException extends WebApplicationException {

    public InvalidParameterException(String parameter, String message) {
        super(ProblemMapper.respond(new Problem(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.title(),
                400, parameter + ": " + message, null, List.of(new Problem.FieldError(parameter, message)))));
    }
}
