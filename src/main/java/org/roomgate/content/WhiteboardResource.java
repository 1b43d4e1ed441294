package org.roomgate.content;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.roomgate.content.ContentDtos.StrokeRequest;
import org.roomgate.content.ContentDtos.StrokeView;
import org.roomgate.idempotency.Idempotent;
import org.roomgate.paging.PageParams;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}/whiteboard")
@Tag(name = "Room content")
@RolesAllowed(Roles.PARTICIPANT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "410", description = "room-closed: the room is closed and its content deleted (R6)")
public class WhiteboardResource {

    private final WhiteboardService whiteboard;

    WhiteboardResource(WhiteboardService whiteboard) {
        this.whiteboard = whiteboard;
    }

    @POST
    @Path("/strokes")
    @ResponseStatus(201)
    @Operation(operationId = "drawStroke",
            summary = "Draw a stroke", description = "Needs WHITEBOARD. `data` is a JSON object of at most 64 KiB.")
    @APIResponse(responseCode = "201", description = "Drawn", content = @Content(schema = @Schema(implementation = StrokeView.class)))
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2), or a token for another room (forbidden)")
    @APIResponse(responseCode = "413", description = "payload-too-large: stroke over 64 KiB")
    @APIResponse(responseCode = "409", description = "quota-exceeded: the room holds roomgate.whiteboard.max-strokes-per-room strokes")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public StrokeView draw(@PathParam("roomId") UUID roomId, @Valid @NotNull StrokeRequest body) {
        return whiteboard.draw(roomId, body.data());
    }

    @GET
    @Path("/strokes")
    @Operation(operationId = "listStrokes",
            summary = "Read strokes", description = "Oldest first, after the given id, at most 500.")
    @APIResponse(responseCode = "200", description = "Strokes", content = @Content(schema = @Schema(implementation = StrokeView[].class)))
    public Response list(@PathParam("roomId") UUID roomId, @BeanParam PageParams page) {
        return page.respond(whiteboard.list(roomId, page.afterNumber(), page.fetch()), s -> String.valueOf(s.id()));
    }

    @DELETE
    @Operation(operationId = "clearWhiteboard", summary = "Clear the whiteboard", description = "Needs MODERATE.")
    @APIResponse(responseCode = "204", description = "Cleared")
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2): not a moderator")
    public void clear(@PathParam("roomId") UUID roomId) {
        whiteboard.clear(roomId);
    }
}
