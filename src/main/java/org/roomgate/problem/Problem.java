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
        @Schema(description = "Field-level errors of a 400") List<FieldError> errors,
        @Schema(description = "A connection check's items, the failed one included (extension)") List<Check> checks) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, String rule, List<FieldError> errors) {
        this(type, title, status, detail, rule, errors, null);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    /** One invalid field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    /** One item of a connection check: what was tried, how it came out, and what was seen (never a secret). */
    @Schema(name = "CheckItem")
    public record Check(@Schema(example = "checksum-accepted") String item,
            @Schema(description = "ok, failed, unknown (cannot be seen from outside), skipped (an earlier item failed), "
                    + "not-applicable", example = "ok") String outcome,
            @Schema(example = "bbb-web accepted a SHA256 checksum made with the stored secret") String detail) {
    }
}
