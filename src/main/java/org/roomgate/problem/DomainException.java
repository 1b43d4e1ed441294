package org.roomgate.problem;

import java.util.List;

/**
 * A failure a caller can act on. It carries its problem type, so services say what went wrong
 * and {@link ProblemMapper} alone decides how it looks on the wire.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final String rule;
    private final List<Problem.FieldError> errors;
    private final List<Problem.Check> checks;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public DomainException(ProblemType type, String detail, String rule) {
        this(type, detail, rule, null);
    }

    /** A failed connection check: the problem of the failed item, with every item the check reached. */
    public DomainException(ProblemType type, String detail, List<Problem.Check> checks) {
        super(detail, null, false, false);
        this.type = type;
        this.rule = null;
        this.errors = null;
        this.checks = List.copyOf(checks);
    }

    private DomainException(ProblemType type, String detail, String rule, List<Problem.FieldError> errors) {
        // No stack trace: these are expected outcomes, and the join path throws them often.
        super(detail, null, false, false);
        this.type = type;
        this.rule = rule;
        this.errors = errors;
        this.checks = null;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ProblemType.VALIDATION_FAILED, field + ": " + message, null,
                List.of(new Problem.FieldError(field, message)));
    }

    public static DomainException notFound(String what) {
        return new DomainException(ProblemType.NOT_FOUND, what + " not found");
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), rule, errors, checks);
    }

    public ProblemType type() {
        return type;
    }
}
