package org.roomgate.backend;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/backend-events/{tenantId}")
@Tag(name = "Conference backends", description = "Events from a tenant's backend, verified by the backend's own signature")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class BackendEventResource {

    private final BackendEventService events;

    BackendEventResource(BackendEventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "receiveBackendEvent", summary = "Receive events from the tenant's conference backend",
            description = "BIGBLUEBUTTON: bbb-webhooks deliveries (form body, ?checksum= over callback URL + body + "
                    + "shared secret; SHA-1, SHA-256, SHA-384 or SHA-512, told apart by length; the callback URL is the "
                    + "room's own, ?room=<roomId>, or without it for hooks registered earlier): user-left ends the "
                    + "participation at its time, meeting-ended closes the room; also the meeting's end callback "
                    + "(HMAC in its URL). LIVEKIT: webhooks (Authorization = a JWT, HS256 with the API secret, iss = API "
                    + "key, exp required, sha256 claim = base64 SHA-256 of the body): participant_left ends the participation, "
                    + "participant_joined of an ended one removes it again, room_finished closes the room. No credential "
                    + "header of roomgate's: the backend's signature is the credential.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, examples = @ExampleObject(name = "bbb-webhooks",
                    value = "domain=bbb.example&event=%5B%7B%22data%22%3A%7B%22type%22%3A%22event%22%2C%22id%22%3A%22user-left%22%7D%7D%5D&timestamp=1700000000000")),
            @Content(mediaType = "application/webhook+json", examples = @ExampleObject(name = "livekit",
                    value = "{\"event\":\"participant_left\",\"room\":{\"name\":\"kastellschule--8c1f0b9e-6c0e-4c5e-9a57-1f1b0a3e2d11\"},"
                            + "\"participant\":{\"identity\":\"5b0e6a2c-2f7e-4c8e-9b1a-3d6f0e1c2a4b\"},\"id\":\"EV_1\",\"createdAt\":\"1767225600\"}")) })
    @APIResponse(responseCode = "204", description = "Verified and applied")
    @APIResponse(responseCode = "401", description = "unauthenticated: missing or bad signature, or the tenant's backend "
            + "sends no events; nothing changes")
    @APIResponse(responseCode = "413", description = "payload-too-large: a BIGBLUEBUTTON delivery of more than 100 events; "
            + "nothing changes")
    public void post(@PathParam("tenantId") String tenantId, @Context UriInfo uri, @Context HttpHeaders headers, String body) {
        events.receive(delivery(tenantId, "POST", uri, headers, body));
    }

    @GET
    @Operation(operationId = "receiveBackendCallback",
            summary = "Receive a backend's GET callback (BigBlueButton's meeting end callback)",
            description = "Verified by the HMAC roomgate put into the callback URL when it created the meeting.")
    @APIResponse(responseCode = "204", description = "Verified and applied")
    @APIResponse(responseCode = "401", description = "unauthenticated: missing or bad signature; nothing changes")
    public void get(@PathParam("tenantId") String tenantId, @Context UriInfo uri, @Context HttpHeaders headers) {
        events.receive(delivery(tenantId, "GET", uri, headers, ""));
    }

    private static Delivery delivery(String tenantId, String method, UriInfo uri, HttpHeaders headers, String body) {
        return Delivery.of(tenantId, method, uri, headers, body);
    }
}
