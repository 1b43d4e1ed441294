package org.roomgate.backend;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.backend.BackendDtos.BackendRequest;
import org.roomgate.backend.BackendDtos.BackendView;
import org.roomgate.problem.Problem;
import org.roomgate.tenant.Roles;

@Path("/api/v1/tenants/{tenantId}/backend")
@Tag(name = "Operations: conference backends", description = "The backend a tenant's conferences run on; ops key only (R11)")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackendConfigResource {

    private final BackendConfigService backends;
    private final ConnectionCheckService checks;

    BackendConfigResource(BackendConfigService backends, ConnectionCheckService checks) {
        this.backends = backends;
        this.checks = checks;
    }

    @PUT
    @Operation(operationId = "putTenantBackend", summary = "Set the tenant's conference backend",
            description = "NATIVE, BIGBLUEBUTTON, LIVEKIT or JITSI with the fields of that kind. Secrets are stored "
                    + "encrypted and never returned or logged. Setting the same configuration again changes nothing.")
    @APIResponse(responseCode = "200", description = "The configuration, without secrets",
            content = @Content(schema = @Schema(implementation = BackendView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: unknown kind, bad URL, missing secret, "
            + "a field of another kind, a Jitsi HS256 appSecret below 256 random bits")
    @APIResponse(responseCode = "404", description = "not-found: no such tenant")
    @APIResponse(responseCode = "409", description = "conflict: the tenant has open rooms, or calls to its current "
            + "backend are not confirmed yet")
    public BackendView put(@PathParam("tenantId") String tenantId, @Valid @NotNull BackendRequest body) {
        return backends.put(tenantId, body);
    }

    @GET
    @Operation(operationId = "getTenantBackend",
            summary = "Read the tenant's conference backend", description = "Without secrets; NATIVE until one is set.")
    @APIResponse(responseCode = "200", description = "The configuration",
            content = @Content(schema = @Schema(implementation = BackendView.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such tenant")
    public BackendView get(@PathParam("tenantId") String tenantId) {
        return backends.get(tenantId);
    }

    @POST
    @Path("/check")
    // The body is optional: a bare `curl -X POST` (no Content-Type) must reach the check.
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "checkTenantBackend", summary = "Check the connection to the tenant's conference backend (extension)",
            description = "Calls the stored server now with the stored secret and answers per item what works. "
                    + "BIGBLUEBUTTON: API reachable, checksum accepted, bbb-webhooks present and which checksum algorithms "
                    + "its API takes (only SHA-1: bbb-webhooks 2.x), and that its delivery signing cannot be seen from outside "
                    + "(unknown). LIVEKIT: ListRooms with the key pair, and whether the last webhook this instance received "
                    + "for the tenant verified with that key. JITSI RS256: the public key fetched as Prosody fetches it, "
                    + "<asap_key_server>/<sha256hex(kid)>.pem, and parsed; HS256 has nothing to fetch. The first failing "
                    + "item ends the check as its own problem type, with the items reached (extension `checks`). Bounded "
                    + "in time (4 × roomgate.backend.call-timeout); never shows or logs a secret; changes nothing.")
    @APIResponse(responseCode = "200", description = "Every item ok, unknown or not applicable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionCheck.Report.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such tenant")
    @APIResponse(responseCode = "502", description = "backend-unreachable: no connection or no complete answer in time; "
            + "backend-answer-invalid: the URL answers, but not as the backend's API; backend-secret-rejected: checksum "
            + "or token made with the stored secret refused (BBB checksumError, LiveKit 401); backend-hooks-missing: "
            + "hooks/list not answered by bbb-webhooks; backend-hooks-outdated: bbb-webhooks takes SHA-1 only (2.x); "
            + "backend-webhook-key: the last LiveKit webhook was signed with another key; backend-key-unpublished: "
            + "the Jitsi key is not served, or another key is, at the asap_key_server",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "checksum wrong",
                    value = "{\"type\":\"urn:roomgate:problem:backend-secret-rejected\",\"title\":\"The conference backend "
                            + "rejects the stored secret\",\"status\":502,\"detail\":\"checksum-accepted: bbb-web answers "
                            + "checksumError to a SHA256 checksum made with the stored secret\",\"checks\":["
                            + "{\"item\":\"api-reachable\",\"outcome\":\"ok\",\"detail\":\"…\"},"
                            + "{\"item\":\"checksum-accepted\",\"outcome\":\"failed\",\"detail\":\"…\"},"
                            + "{\"item\":\"hooks-module\",\"outcome\":\"skipped\",\"detail\":\"not tried: checksum-accepted failed\"}]}")))
    public ConnectionCheck.Report check(@PathParam("tenantId") String tenantId, @Valid ConnectionCheck.Request body) {
        return checks.check(tenantId, body);
    }
}
