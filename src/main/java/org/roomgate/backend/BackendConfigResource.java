package org.roomgate.backend;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.backend.BackendDtos.BackendRequest;
import org.roomgate.backend.BackendDtos.BackendView;
import org.roomgate.tenant.Roles;

@Path("/api/v1/tenants/{tenantId}/backend")
@Tag(name = "Operations: conference backends", description = "The backend a tenant's conferences run on; ops key only (R11)")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackendConfigResource {

    private final BackendConfigService backends;

    BackendConfigResource(BackendConfigService backends) {
        this.backends = backends;
    }

    @PUT
    @Operation(operationId = "putTenantBackend", summary = "Set the tenant's conference backend",
            description = "NATIVE, BIGBLUEBUTTON, LIVEKIT or JITSI with the fields of that kind. Secrets are stored "
                    + "encrypted and never returned or logged. Setting the same configuration again changes nothing.")
    @APIResponse(responseCode = "200", description = "The configuration, without secrets",
            content = @Content(schema = @Schema(implementation = BackendView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: unknown kind, bad URL, missing secret, "
            + "a field of another kind")
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
}
