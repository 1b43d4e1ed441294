package org.roomgate.backend.jitsi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/backend-events/{tenantId}/jitsi-access")
@Tag(name = "Conference backends", description = "Events from a tenant's backend, verified by the backend's own signature")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class JitsiAccessResource {

    /** The answer roomgate's Prosody module reads: {@code access: false} refuses the join or removes the occupant. */
    public record AccessAnswer(boolean access) {
    }

    private final JitsiAccessService access;

    JitsiAccessResource(JitsiAccessService access) {
        this.access = access;
    }

    @GET
    @Operation(operationId = "checkJitsiAccess",
            summary = "Prosody's check of a Jitsi token at the join and while inside (extension)",
            description = "Asked by roomgate's Prosody module (prosody/mod_roomgate_access.lua, option roomgate_access_url) "
                    + "before a participant joins and every roomgate_access_interval seconds while inside. Prosody sends "
                    + "the participant's token as Authorization: Bearer <jwt>; the token is the credential. access is "
                    + "false once the participation has ended or when the token grants more than the participant may do now.")
    @APIResponse(responseCode = "200", description = "The answer", content = @Content(examples = {
            @ExampleObject(name = "allowed", value = "{\"access\":true}"),
            @ExampleObject(name = "refused", value = "{\"access\":false}") }))
    @APIResponse(responseCode = "401", description = "unauthenticated: no token, not signed by roomgate for this tenant, or "
            + "the tenant's backend is not JITSI")
    public AccessAnswer check(@PathParam("tenantId") String tenantId, @HeaderParam("Authorization") String authorization) {
        return new AccessAnswer(access.mayConnect(tenantId, authorization));
    }
}
