package org.roomgate.problem;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become RFC 9457 problem documents: domain failures, bean
 * validation, JSON binding, security and the framework's own HTTP errors. Responses never
 * carry stack traces or class names; unexpected errors are logged with an id the caller sees.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    /** During an outage every request fails; the log says so once per interval, with a count. */
    private static final OutageLog OUTAGE_LOG = new OutageLog(LOG, java.time.Duration.ofSeconds(30));

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        if (e.type() == ProblemType.UNAVAILABLE) {
            // A backend (or another dependency) is away for now: say when asking again is worth it.
            return Response.fromResponse(respond(e.toProblem())).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return validationFailed(errors);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class })
    public Response json(JsonProcessingException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return unexpected(e);
        }
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHENTICATED,
                        "Send a valid credential as 'Authorization: Bearer <key or join token>'.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "This credential's role may not do this."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return jsonProblem(json);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, detailForStatus(status), null, null);
        Response.ResponseBuilder response = Response.fromResponse(respond(problem));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (isMalformedMultipart(e)) {
            return validationFailed(List.of(new Problem.FieldError("body",
                    "malformed multipart/form-data: truncated, or parts not delimited by the boundary in Content-Type")));
        }
        if (causeOf(e, io.vertx.core.http.HttpClosedException.class) != null
                || causeOf(e, java.nio.channels.ClosedChannelException.class) != null) {
            // The caller hung up while sending; nobody is left to read an answer.
            LOG.debugf("Client closed the connection during the request: %s", e.getClass().getSimpleName());
            return respond(Problem.of(ProblemType.VALIDATION_FAILED, "The request ended before its body was complete."));
        }
        Optional<String> outage = DatabaseFailures.reason(e);
        if (outage.isPresent()) {
            OUTAGE_LOG.failed(outage.get());
            return unavailable();
        }
        if (isUniqueViolation(e)) {
            // Two requests raced to create the same thing; the loser gets what a sequential one would.
            return respond(Problem.of(ProblemType.CONFLICT, "A concurrent request created this first; retry to see it."));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return respond(Problem.of(ProblemType.INTERNAL, "Unexpected error; reference " + errorId + "."));
    }

    /** 503 with Retry-After: the answer to every request while the database cannot serve. */
    public static Response unavailable() {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAVAILABLE,
                        "The database cannot serve requests right now; retry shortly.")))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response validationFailed(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        ProblemType type = ProblemType.VALIDATION_FAILED;
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, null, errors));
    }

    private static Response jsonProblem(JsonProcessingException e) {
        WebApplicationException carried = causeOf(e.getCause(), WebApplicationException.class);
        if (carried != null && carried.getResponse().getEntity() instanceof Problem) {
            // An input rule (the body limit) failed while Jackson was reading.
            return carried.getResponse();
        }
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return validationFailed(List.of(new Problem.FieldError(duplicate, "appears more than once in its object")));
        }
        if (e instanceof StrictJson.NulCharacterException nul) {
            String field = pathOf(nul);
            return validationFailed(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, nul.getOriginalMessage())));
        }
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return validationFailed(List.of(new Problem.FieldError("body", "malformed JSON" + where)));
        }
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "body";
        String message = "has the wrong type";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = expectation(mismatch.getTargetType());
        }
        return validationFailed(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
    }

    /** The key that Jackson's duplicate detection found twice, or null. */
    private static String duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix) || message.indexOf('\'', prefix.length()) < 0) {
            return null;
        }
        return message.substring(prefix.length(), message.indexOf('\'', prefix.length()));
    }

    private static String expectation(Class<?> target) {
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (target.getPackageName().startsWith("java.time")) {
            return "must be an ISO-8601 " + (target == java.time.Duration.class ? "duration" : "date or instant");
        }
        return "must be a JSON object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The JSON path of a violated field, without the Java method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String detailForStatus(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not supported on this resource.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request body is larger than allowed.";
            case 415 -> "Send the body as application/json (or multipart/form-data for files).";
            default -> "The request cannot be processed.";
        };
    }


    /** Quarkus REST's multipart parser fails with a bare IOException; its stack says where. */
    private static boolean isMalformedMultipart(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().contains(".multipart.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(Throwable e) {
        SQLException sql = causeOf(e, SQLException.class);
        return sql != null && "23505".equals(sql.getSQLState());
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
