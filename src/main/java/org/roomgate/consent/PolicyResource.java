package org.roomgate.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.roomgate.consent.ConsentDtos.PolicyRequest;
import org.roomgate.consent.ConsentDtos.PolicyView;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/policy")
@Tag(name = "Policy", description = "The school's usage policy versions that consents refer to (R1)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final Caller caller;

    PolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "publishPolicy", summary = "Publish a policy version",
            description = "A new version becomes current. With reconsentRequired (default true) consents for earlier "
                    + "versions stop counting: pupils inside a room on such a consent leave at once (leave reason "
                    + "CONSENT_OUTDATED) and their join tokens stop working. Otherwise consents carry over. Re-PUT of the "
                    + "current version updates title and url.")
    @APIResponse(responseCode = "200", description = "The current policy",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed")
    @APIResponse(responseCode = "409", description = "conflict: republishing a superseded version, or changing reconsentRequired")
    public PolicyView publish(@Valid @NotNull PolicyRequest body) {
        return policies.publish(caller.tenantId(), body);
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getPolicy", summary = "Read the current policy version")
    @APIResponse(responseCode = "200", description = "The current policy",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "not-found: no policy published yet")
    public PolicyView current() {
        return policies.current(caller.tenantId());
    }
}
