package org.roomgate.content;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.roomgate.content.ContentDtos.ChatMessageView;
import org.roomgate.content.ContentDtos.ChatRequest;
import org.roomgate.idempotency.Idempotent;
import org.roomgate.paging.PageParams;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}/chat")
@Tag(name = "Room content", description = "Participants (join token as bearer): chat, files, whiteboard, polls, status (R2, R6)")
@RolesAllowed(Roles.PARTICIPANT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "410", description = "room-closed: the room is closed and its content deleted (R6)")
public class ChatResource {

    private final ChatService chat;

    ChatResource(ChatService chat) {
        this.chat = chat;
    }

    @POST
    @ResponseStatus(201)
    @Operation(operationId = "postChatMessage",
            summary = "Post a chat message", description = "Needs CHAT. At most 4,000 characters.")
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = ChatMessageView.class)))
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2), or a token for another room (forbidden)")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public ChatMessageView post(@PathParam("roomId") UUID roomId, @Valid @NotNull ChatRequest body) {
        return chat.post(roomId, body.text());
    }

    @GET
    @Operation(operationId = "listChatMessages",
            summary = "Read chat messages", description = "Oldest first, after the given message id (default: from the start); paged with limit.")
    @APIResponse(responseCode = "200", description = "Messages", content = @Content(schema = @Schema(implementation = ChatMessageView[].class)))
    public Response list(@PathParam("roomId") UUID roomId, @BeanParam PageParams page) {
        return page.respond(chat.list(roomId, page.afterNumber(), page.fetch()), m -> String.valueOf(m.id()));
    }
}
