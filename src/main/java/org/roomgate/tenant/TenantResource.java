package org.roomgate.tenant;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.paging.PageParams;
import org.roomgate.tenant.TenantDtos.ApiKeyCreated;
import org.roomgate.tenant.TenantDtos.ApiKeyRequest;
import org.roomgate.tenant.TenantDtos.ApiKeyView;
import org.roomgate.tenant.TenantDtos.TenantRequest;
import org.roomgate.tenant.TenantDtos.TenantView;

@Path("/api/v1/tenants")
@Tag(name = "Operations: tenants and keys", description = "Schools (tenants) and their API keys; ops key only (R11)")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final TenantService tenants;

    TenantResource(TenantService tenants) {
        this.tenants = tenants;
    }

    @POST
    @Operation(operationId = "createTenant", summary = "Create a tenant (a school instance)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: id not matching [a-z0-9][a-z0-9-]{2,62}, name missing")
    @APIResponse(responseCode = "409", description = "conflict: a tenant with this id exists")
    public Response create(@Valid @NotNull TenantRequest body) {
        TenantView created = tenants.create(body);
        return Response.created(URI.create("/api/v1/tenants/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listTenants", summary = "List all tenants")
    @APIResponse(responseCode = "200", description = "The tenants, ordered by id",
            content = @Content(schema = @Schema(implementation = TenantView[].class)))
    public Response list(@BeanParam PageParams page) {
        return page.respond(tenants.list(page.afterKey(), page.fetch()), t -> PageParams.cursorOf(t.id()));
    }

    @GET
    @Path("/{tenantId}")
    @Operation(operationId = "getTenant", summary = "Read one tenant (extension)")
    @APIResponse(responseCode = "200", description = "The tenant",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "404", description = "not-found")
    public TenantView get(@PathParam("tenantId") String tenantId) {
        return tenants.get(tenantId);
    }

    @POST
    @Path("/{tenantId}/api-keys")
    @Operation(operationId = "createApiKey", summary = "Create an API key for the tenant's platform or dashboard",
            description = "The key is returned once in `key`; only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Created; `key` appears only here",
            content = @Content(schema = @Schema(implementation = ApiKeyCreated.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: role not platform or dashboard")
    @APIResponse(responseCode = "404", description = "not-found: no such tenant")
    public Response createKey(@PathParam("tenantId") String tenantId, @Valid @NotNull ApiKeyRequest body) {
        ApiKeyCreated created = tenants.createKey(tenantId, body);
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/api-keys/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{tenantId}/api-keys")
    @Operation(operationId = "listApiKeys",
            summary = "List the tenant's API keys (extension)", description = "Ids, roles, labels and revocation times; never the keys.")
    @APIResponse(responseCode = "200", description = "The keys, oldest first",
            content = @Content(schema = @Schema(implementation = ApiKeyView[].class)))
    @APIResponse(responseCode = "404", description = "not-found: no such tenant")
    public Response listKeys(@PathParam("tenantId") String tenantId, @BeanParam PageParams page) {
        return page.respond(tenants.listKeys(tenantId, page.afterId(), page.fetch()), k -> PageParams.cursorOf(k.id()));
    }

    @DELETE
    @Path("/{tenantId}/api-keys/{keyId}")
    @Operation(operationId = "revokeApiKey",
            summary = "Revoke an API key", description = "The key stops working with the next request. Idempotent.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "not-found: no such key for this tenant")
    public void revokeKey(@PathParam("tenantId") String tenantId, @PathParam("keyId") UUID keyId) {
        tenants.revokeKey(tenantId, keyId);
    }
}
