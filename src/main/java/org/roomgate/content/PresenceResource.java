package org.roomgate.content;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.roomgate.content.ContentDtos.ParticipantView;
import org.roomgate.content.ContentDtos.StatusRequest;
import org.roomgate.paging.PageParams;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}")
@Tag(name = "Room content")
@RolesAllowed(Roles.PARTICIPANT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "410", description = "room-closed: the room is closed (R6)")
public class PresenceResource {

    private final PresenceService presence;

    PresenceResource(PresenceService presence) {
        this.presence = presence;
    }

    @PUT
    @Path("/status")
    @Operation(operationId = "setStatus", summary = "Show a status", description = "Needs STATUS: RAISED_HAND, AWAY or NONE.")
    @APIResponse(responseCode = "200", description = "The caller as the room sees it",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2)")
    public ParticipantView setStatus(@PathParam("roomId") UUID roomId, @Valid @NotNull StatusRequest body) {
        return presence.setStatus(roomId, body.status());
    }

    @GET
    @Path("/participants")
    @Operation(operationId = "listParticipants",
            summary = "Who is in the room", description = "Open participations with display name, role and status.")
    @APIResponse(responseCode = "200", description = "Participants, in order of joining",
            content = @Content(schema = @Schema(implementation = ParticipantView[].class)))
    public Response participants(@PathParam("roomId") UUID roomId, @BeanParam PageParams page) {
        return page.respond(presence.participants(roomId, page.afterId(), page.fetch()),
                p -> PageParams.cursorOf(p.participationId()));
    }
}
