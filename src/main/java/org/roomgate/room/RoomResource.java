package org.roomgate.room;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.roomgate.idempotency.Idempotent;
import org.roomgate.paging.PageParams;
import org.roomgate.problem.DomainException;
import org.roomgate.room.RoomDtos.AttendanceEntry;
import org.roomgate.room.RoomDtos.RoomPatch;
import org.roomgate.room.RoomDtos.RoomRequest;
import org.roomgate.room.RoomDtos.RoomView;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms")
@Tag(name = "Rooms", description = "Conference rooms: limits, no recording, closing and attendance (R3, R5, R6, R8, R10)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final RoomService rooms;
    private final Caller caller;

    RoomResource(RoomService rooms, Caller caller) {
        this.rooms = rooms;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "createRoom",
            summary = "Create a room", description = "Defaults come from configuration; maxParticipants is bounded by "
            + "roomgate.rooms.max-participants-ceiling, and a ONE_TO_ONE room by 2. PT1S ≤ idleTimeout ≤ maxDuration ≤ "
            + "roomgate.rooms.max-duration-ceiling (default P1D); outside → 400 naming the field. Without idleTimeout, "
            + "a room shorter than the default idle timeout gets its maxDuration as idle timeout.")
    @APIResponse(responseCode = "201", description = "Created; Location names the room",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "422", description = "recording-prohibited (rule R5): recording true, or a RECORD feature")
    @APIResponse(responseCode = "409", description = "quota-exceeded: the school has roomgate.rooms.max-open-per-tenant open rooms")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public Response create(@Valid @NotNull RoomRequest body) {
        RoomView room = rooms.create(caller.tenantId(), body);
        return Response.created(URI.create("/api/v1/rooms/" + room.id())).entity(room).build();
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "listRooms",
            summary = "List the tenant's rooms", description = "Newest first; optionally only OPEN or CLOSED ones.")
    @APIResponse(responseCode = "200", description = "The rooms",
            content = @Content(schema = @Schema(implementation = RoomView[].class)))
    public Response list(@QueryParam("state") @Parameter(schema = @Schema(type = SchemaType.STRING,
            enumeration = { "OPEN", "CLOSED" })) String state, @BeanParam PageParams page) {
        return page.respond(rooms.list(caller.tenantId(), parseState(state), page.afterId(), page.fetch()),
                r -> PageParams.cursorOf(r.id()));
    }

    @GET
    @Path("/{roomId}")
    @RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getRoom", summary = "Read a room's metadata")
    @APIResponse(responseCode = "200", description = "The room",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "404", description = "not-found")
    public RoomView get(@PathParam("roomId") UUID roomId) {
        return rooms.get(caller.tenantId(), roomId);
    }

    @PATCH
    @Path("/{roomId}")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "patchRoom",
            summary = "Change an open room", description = "name, maxParticipants, features, idleTimeout, maxDuration. "
            + "Narrower features apply to everyone inside at once. Durations are bounded as at creation. "
            + "maxParticipants below the participants inside is refused (409, rule R10): nobody is sent out.")
    @APIResponse(responseCode = "200", description = "The changed room",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "404", description = "not-found")
    @APIResponse(responseCode = "409", description = "room-closed: a closed room cannot change; conflict (rule R10): "
            + "maxParticipants below the participants inside")
    @APIResponse(responseCode = "422", description = "recording-prohibited (rule R5)")
    public RoomView patch(@PathParam("roomId") UUID roomId, @Valid @NotNull RoomPatch body) {
        return rooms.patch(caller.tenantId(), roomId, body);
    }

    @POST
    @Path("/{roomId}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PLATFORM)
    @Operation(operationId = "closeRoom",
            summary = "Close a room", description = "Ends every participation (ROOM_CLOSED) and makes the room's content "
            + "unreadable at once (R6). Idempotent.")
    @APIResponse(responseCode = "200", description = "The closed room",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "404", description = "not-found")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public RoomView close(@PathParam("roomId") UUID roomId) {
        return rooms.close(caller.tenantId(), roomId);
    }

    @GET
    @Path("/{roomId}/attendance")
    @RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getAttendance",
            summary = "Join and leave times of the room", description = "Kept while retained (R8).")
    @APIResponse(responseCode = "200", description = "Participations, in order of joining",
            content = @Content(schema = @Schema(implementation = AttendanceEntry[].class)))
    @APIResponse(responseCode = "404", description = "not-found")
    public Response attendance(@PathParam("roomId") UUID roomId, @BeanParam PageParams page) {
        return page.respond(rooms.attendance(caller.tenantId(), roomId, page.afterId(), page.fetch()),
                a -> PageParams.cursorOf(a.participationId()));
    }

    private static Room.State parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return Room.State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("state", "must be OPEN or CLOSED");
        }
    }
}
