package org.roomgate.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, as every error of the service is returned. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details", example = """
        {"type":"urn:roomgate:problem:capability-missing","title":"Capability missing","status":403,
         "detail":"This participant may not use POLLS here: the room, the consent or the role does not allow it.","rule":"R2"}""")
public record Problem(
        @Schema(example = "urn:roomgate:problem:validation-failed") URI type,
        String title,
        int status,
        String detail,
        @Schema(description = "The policy rule (R1…R11, see docs/policy.md in the repository) the failure enforces", example = "R5") String rule,
        @Schema(description = "Field-level errors of a 400") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    /** One invalid field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
