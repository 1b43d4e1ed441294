package org.roomgate.backend.livekit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.backend.Delivery;

@Path("/api/v1/livekit-webhooks")
@Tag(name = "Conference backends", description = "Events from a tenant's backend, verified by the backend's own signature")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LiveKitWebhookResource {

    private final LiveKitWebhookRouter router;

    LiveKitWebhookResource(LiveKitWebhookRouter router) {
        this.router = router;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "receiveLiveKitWebhook", summary = "Receive LiveKit webhooks of every tenant on one URL (extension)",
            description = "For a LiveKit server that several tenants share: one webhook.urls entry. The room's name "
                    + "(<tenant>--<roomId>) names the tenant; the delivery is then verified with that tenant's stored key "
                    + "exactly as on /api/v1/backend-events/{tenantId} (Authorization = a JWT, HS256, iss = API key, exp "
                    + "required, sha256 claim = base64 SHA-256 of the body) and changes only that tenant's rooms. Events "
                    + "naming no roomgate room (egress, ingress, other applications' rooms) are acknowledged and change nothing.")
    @RequestBody(content = @Content(mediaType = "application/webhook+json", examples = @ExampleObject(name = "livekit",
            value = "{\"event\":\"room_finished\",\"room\":{\"name\":\"kastellschule--8c1f0b9e-6c0e-4c5e-9a57-1f1b0a3e2d11\"},"
                    + "\"id\":\"EV_2\",\"createdAt\":\"1767225600\"}")))
    @APIResponse(responseCode = "204", description = "Verified and applied, or naming no roomgate room")
    @APIResponse(responseCode = "401", description = "unauthenticated: missing or bad signature for the tenant the room "
            + "names (signed with another tenant's key, say), or that tenant is not on LiveKit; nothing changes")
    public void post(@Context UriInfo uri, @Context HttpHeaders headers, String body) {
        router.receive(Delivery.of(null, "POST", uri, headers, body));
    }
}
