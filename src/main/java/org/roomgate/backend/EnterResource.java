package org.roomgate.backend;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rooms/{roomId}/enter")
@Tag(name = "Conference backends")
@PermitAll
public class EnterResource {

    private final EnterService enter;

    EnterResource(EnterService enter) {
        this.enter = enter;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enterConference", summary = "Enter the conference (the join response's backend.joinUrl)",
            description = "The browser opens this link; the join token in ?token= is the credential. The participation "
                    + "must still be open, and a pupil's consent must still cover the meeting's viewer rights. Answers "
                    + "302 to a BigBlueButton join URL made and checksummed now (fullName, meetingID, role, userID = "
                    + "participationId, createTime); it is never stored or returned otherwise.")
    @APIResponse(responseCode = "302", description = "To the backend", headers = @Header(name = "Location"))
    @APIResponse(responseCode = "401", description = "unauthenticated: no or invalid join token, or the participation has ended")
    @APIResponse(responseCode = "403", description = "forbidden: the token is for another room; consent-scope (rule R2)")
    @APIResponse(responseCode = "404", description = "not-found: the tenant's backend has no enter step (NATIVE, LiveKit, Jitsi)")
    @APIResponse(responseCode = "410", description = "room-closed")
    @APIResponse(responseCode = "503", description = "unavailable: the conference server does not answer within "
            + "roomgate.backend.call-timeout, or the tenant's backend calls already hold its share of request threads",
            headers = @Header(name = "Retry-After", description = "seconds to wait before entering again"))
    public Response enter(@PathParam("roomId") UUID roomId, @QueryParam("token") String token) {
        return Response.status(Response.Status.FOUND).location(enter.enter(roomId, token))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
