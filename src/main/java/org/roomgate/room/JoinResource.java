package org.roomgate.room;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.idempotency.Idempotent;
import org.roomgate.room.RoomDtos.JoinRequest;
import org.roomgate.room.RoomDtos.JoinResponse;
import org.roomgate.room.RoomDtos.LeaveRequest;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}")
@Tag(name = "Join", description = "Consent-checked join tokens, leave and token refresh (R1, R2, R7, R10)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JoinResource {

    private final JoinService joins;
    private final AdmissionService admissions;
    private final Caller caller;

    JoinResource(JoinService joins, AdmissionService admissions, Caller caller) {
        this.joins = joins;
        this.admissions = admissions;
        this.caller = caller;
    }

    @POST
    @Path("/join")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "joinRoom", summary = "Admit a pupil or teacher and issue a join token",
            description = "A PUPIL needs a consent that counts and covers the room's purpose; capabilities = room features ∩ "
                    + "consent scopes. A TEACHER gets the room's features and MODERATE. Never a recording capability. "
                    + "A subject already inside gets its participation back with a fresh token. clientIp and userAgent "
                    + "are never stored or logged (R4).")
    @APIResponse(responseCode = "200", description = "Admitted",
            content = @Content(schema = @Schema(implementation = JoinResponse.class)))
    @APIResponse(responseCode = "403", description = "consent-missing, consent-outdated (rule R1), consent-purpose (rule R3); "
            + "consent-scope (rule R2): the tenant's backend grants viewer rights meeting-wide (BigBlueButton) and the "
            + "consent does not cover all of the room's features; forbidden for a non-platform key")
    @APIResponse(responseCode = "404", description = "not-found: no such room for this tenant")
    @APIResponse(responseCode = "409", description = "room-closed, or room-full (rule R10)")
    @Idempotent(replay = JoinReplay.class)
    @Parameter(ref = Idempotent.HEADER)
    @APIResponse(responseCode = "503", description = "unavailable: the tenant's LiveKit server does not answer, or the "
            + "tenant's backend calls already hold its share of request threads; the participation stands, join again",
            headers = @Header(name = "Retry-After", description = "seconds to wait before joining again"))
    public JoinResponse join(@PathParam("roomId") UUID roomId, @Valid @NotNull JoinRequest body) {
        return joins.join(caller.tenantId(), roomId, body);
    }

    @POST
    @Path("/leave")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "leaveRoom",
            summary = "End a participation", description = "Idempotent; the join token stops working.")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "not-found: no such room or participation")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public void leave(@PathParam("roomId") UUID roomId, @Valid @NotNull LeaveRequest body) {
        admissions.leave(caller.tenantId(), roomId, body.participationId());
    }

    @POST
    @Path("/token")
    @RolesAllowed(Roles.PARTICIPANT)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "refreshJoinToken",
            summary = "Refresh the caller's join token", description = "Participant (join token as bearer): a fresh token "
            + "with the capabilities as they are now. A pupil's consent is checked again, as at the join (R1).")
    @APIResponse(responseCode = "200", description = "A fresh token",
            content = @Content(schema = @Schema(implementation = JoinResponse.class)))
    @APIResponse(responseCode = "401", description = "unauthenticated: invalid token, or the participation has ended")
    @APIResponse(responseCode = "403", description = "forbidden: the token is for another room; consent-missing, "
            + "consent-outdated (rule R1) or consent-purpose: a pupil's consent no longer counts")
    @APIResponse(responseCode = "410", description = "room-closed")
    @APIResponse(responseCode = "503", description = "unavailable: the tenant's LiveKit server does not answer, or the "
            + "tenant's backend calls already hold its share of request threads", headers = @Header(name = "Retry-After", description = "seconds to wait before joining again"))
    public JoinResponse refreshToken(@PathParam("roomId") UUID roomId) {
        return joins.refresh(roomId);
    }
}
