package org.roomgate.content;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.roomgate.content.ContentDtos.PollRequest;
import org.roomgate.content.ContentDtos.PollView;
import org.roomgate.content.ContentDtos.VoteRequest;
import org.roomgate.idempotency.Idempotent;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}/polls")
@Tag(name = "Room content")
@RolesAllowed(Roles.PARTICIPANT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "410", description = "room-closed: the room is closed and its content deleted (R6)")
public class PollResource {

    private final PollService polls;

    PollResource(PollService polls) {
        this.polls = polls;
    }

    @POST
    @ResponseStatus(201)
    @Operation(operationId = "createPoll", summary = "Ask a poll", description = "Needs MODERATE. 2 to 10 options.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PollView.class)))
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2): not a moderator")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public PollView create(@PathParam("roomId") UUID roomId, @Valid @NotNull PollRequest body) {
        return polls.create(roomId, body);
    }

    @POST
    @Path("/{pollId}/votes")
    @ResponseStatus(201)
    @Operation(operationId = "votePoll", summary = "Vote", description = "Needs POLLS. One vote per participant and poll.")
    @APIResponse(responseCode = "201", description = "Counted; the poll with its counts",
            content = @Content(schema = @Schema(implementation = PollView.class)))
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2)")
    @APIResponse(responseCode = "404", description = "not-found: no such poll in this room")
    @APIResponse(responseCode = "409", description = "conflict: voted already")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public PollView vote(@PathParam("roomId") UUID roomId, @PathParam("pollId") UUID pollId, @Valid @NotNull VoteRequest body) {
        return polls.vote(roomId, pollId, body.option());
    }

    @GET
    @Path("/{pollId}")
    @Operation(operationId = "getPoll", summary = "Read a poll with its counts")
    @APIResponse(responseCode = "200", description = "The poll", content = @Content(schema = @Schema(implementation = PollView.class)))
    @APIResponse(responseCode = "404", description = "not-found")
    public PollView get(@PathParam("roomId") UUID roomId, @PathParam("pollId") UUID pollId) {
        return polls.get(roomId, pollId);
    }
}
