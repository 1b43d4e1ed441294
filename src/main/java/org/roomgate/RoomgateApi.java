package org.roomgate;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.roomgate.problem.Problem;

@OpenAPIDefinition(components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)),
        info = @Info(title = "roomgate", version = "1",
        description = """
                Data-protection gateway between a school platform and its video-conference backend.
                It enforces the school's usage policy of 19.11.2020 (rules R1–R11, written out in the \
                repository's `docs/policy.md`): consent before access, capabilities per consent, no recording, \
                content wiped on close, metadata kept at most 7 days. `GET /api/v1/compliance` shows what the \
                running service measures about each rule.

                **Authentication**: `Authorization: Bearer <key>` — an ops key, a tenant's platform or \
                dashboard key, or a participant's join token (content endpoints). Use *Authorize* above.

                **Errors** are `application/problem+json` (RFC 9457) with a `type` of the form \
                `urn:roomgate:problem:<name>`, and `rule` where a policy rule is enforced.

                **Extensions to contract v1** (marked "(extension)" in their summaries): \
                `GET /api/v1/tenants/{id}`, `GET /api/v1/tenants/{id}/api-keys`; \
                ops keys reading any tenant-scoped GET with `?tenant=<id>`; \
                `GET /api/v1/rooms/{roomId}` fields `idleTimeout`, `maxDuration`, `recording`, `closeReason`;                 consent records' `kind` and `withdrawnAt`; the `roomgate.token.leeway` setting;                 and the problem types `method-not-allowed` (405), `not-acceptable` (406), `internal` (500).
                """))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An ops, platform or dashboard API key, or a participant's join token")
public class RoomgateApi extends Application {
}
