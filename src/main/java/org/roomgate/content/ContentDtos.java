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

    @Schema(name = "ChatMessage", example = """
            {"id":1,"participationId":"acdf9948-2456-4d75-83ee-20387d3aea13","authorName":"Max M.","text":"Guten Morgen!",
             "createdAt":"2026-03-02T07:56:11.722397Z"}""")
    public record ChatMessageView(long id, UUID participationId, String authorName, String text, Instant createdAt) {
    }

    @Schema(name = "File", example = """
            {"id":"1cd9373d-1103-41c1-be2d-080ff4637c05","name":"aufgaben.pdf","size":48213,"contentType":"application/pdf",
             "sha256":"88801063044a4ccbfc23f54ff81d88f8acaf61e97a82efc24de65a696ef29dce",
             "participationId":"c5fbced9-cba4-4e53-92a5-cad2d11361ff","createdAt":"2026-03-02T07:58:03.098153Z"}""")
    public record FileView(UUID id, String name, long size, String contentType, String sha256, UUID participationId,
            Instant createdAt) {
    }

    @Schema(name = "StrokeRequest", example = "{\"data\":{\"tool\":\"pen\",\"color\":\"#1a73e8\",\"points\":[[10,10],[42,37]]}}")
    public record StrokeRequest(@NotNull @Schema(description = "A JSON object of at most 64 KiB") JsonNode data) {
    }

    @Schema(name = "Stroke", example = """
            {"id":1,"participationId":"c5fbced9-cba4-4e53-92a5-cad2d11361ff","data":{"tool":"pen","color":"#1a73e8","points":[[10,10],[42,37]]},
             "createdAt":"2026-03-02T07:58:53.788090Z"}""")
    public record StrokeView(long id, UUID participationId, JsonNode data, Instant createdAt) {
    }

    @Schema(name = "PollRequest", example = "{\"question\":\"Welche Aufgabe zuerst?\",\"options\":[\"Aufgabe 1\",\"Aufgabe 2\"]}")
    public record PollRequest(@NotBlank @Size(max = 500) String question,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 200) String> options) {
    }

    @Schema(name = "VoteRequest", example = "{\"option\":0}")
    public record VoteRequest(@NotNull @Min(0) Integer option) {
    }

    @Schema(name = "Poll", description = "The poll with the number of votes per option", example = """
            {"id":"7e403504-9a4b-43d2-a594-cbf0aaa2b391","question":"Welche Aufgabe zuerst?","options":["Aufgabe 1","Aufgabe 2"],
             "votes":[17,9],"totalVotes":26,"createdAt":"2026-03-02T08:01:54.227740Z"}""")
    public record PollView(UUID id, String question, List<String> options, List<Integer> votes, int totalVotes,
            Instant createdAt) {
    }

    @Schema(name = "StatusRequest", example = "{\"status\":\"RAISED_HAND\"}")
    public record StatusRequest(@NotNull ParticipantStatus.Status status) {
    }

    @Schema(name = "Participant", example = """
            {"participationId":"acdf9948-2456-4d75-83ee-20387d3aea13","displayName":"Max M.","role":"PUPIL","status":"RAISED_HAND"}""")
    public record ParticipantView(UUID participationId, String displayName, Participation.Role role,
            ParticipantStatus.Status status) {
    }

    @Schema(name = "WipeReceipt", description = "Counts and times only; counts are null until the wipe ran", example = """
            {"roomId":"3b694795-1aa6-4fcf-80af-07010bb32da8","closedAt":"2026-03-02T08:40:17.502695Z",
             "contentUnreadableAt":"2026-03-02T08:40:17.502695Z","wipedAt":"2026-03-02T08:40:27.978344Z","backendEndedAt":null,
             "deleted":{"chatMessages":12,"files":1,"fileBytes":48213,"whiteboardStrokes":30,"pollVotes":26}}""")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WipeReceiptView(UUID roomId, Instant closedAt, Instant contentUnreadableAt, Instant wipedAt,
            @Schema(description = "When the conference backend confirmed the meeting is gone; null for NATIVE and until confirmed")
            Instant backendEndedAt, Deleted deleted) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deleted(Integer chatMessages, Integer files, Long fileBytes, Integer whiteboardStrokes, Integer pollVotes) {
    }
}
