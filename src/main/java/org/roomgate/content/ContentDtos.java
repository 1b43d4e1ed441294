package org.roomgate.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.roomgate.room.Participation;

/** Request and response bodies of the room content API. */
public final class ContentDtos {

    private ContentDtos() {
    }

    @Schema(name = "ChatRequest", example = "{\"text\":\"Guten Morgen!\"}")
    public record ChatRequest(@NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "ChatMessage")
    public record ChatMessageView(long id, UUID participationId, String authorName, String text, Instant createdAt) {
    }

    @Schema(name = "File")
    public record FileView(UUID id, String name, long size, String contentType, String sha256, UUID participationId,
            Instant createdAt) {
    }

    @Schema(name = "StrokeRequest", example = "{\"data\":{\"tool\":\"pen\",\"color\":\"#1a73e8\",\"points\":[[10,10],[42,37]]}}")
    public record StrokeRequest(@NotNull @Schema(description = "A JSON object of at most 64 KiB") JsonNode data) {
    }

    @Schema(name = "Stroke")
    public record StrokeView(long id, UUID participationId, JsonNode data, Instant createdAt) {
    }

    @Schema(name = "PollRequest", example = "{\"question\":\"Welche Aufgabe zuerst?\",\"options\":[\"Aufgabe 1\",\"Aufgabe 2\"]}")
    public record PollRequest(@NotBlank @Size(max = 500) String question,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 200) String> options) {
    }

    @Schema(name = "VoteRequest", example = "{\"option\":0}")
    public record VoteRequest(@NotNull @Min(0) Integer option) {
    }

    @Schema(name = "Poll", description = "The poll with the number of votes per option")
    public record PollView(UUID id, String question, List<String> options, List<Integer> votes, int totalVotes,
            Instant createdAt) {
    }

    @Schema(name = "StatusRequest", example = "{\"status\":\"RAISED_HAND\"}")
    public record StatusRequest(@NotNull ParticipantStatus.Status status) {
    }

    @Schema(name = "Participant")
    public record ParticipantView(UUID participationId, String displayName, Participation.Role role,
            ParticipantStatus.Status status) {
    }

    @Schema(name = "WipeReceipt", description = "Counts and times only; counts are null until the wipe ran")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WipeReceiptView(UUID roomId, Instant closedAt, Instant contentUnreadableAt, Instant wipedAt,
            @Schema(description = "When the conference backend confirmed the meeting is gone; null for NATIVE and until confirmed")
            Instant backendEndedAt, Deleted deleted) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deleted(Integer chatMessages, Integer files, Long fileBytes, Integer whiteboardStrokes, Integer pollVotes) {
    }
}
