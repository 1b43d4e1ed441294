package org.roomgate.room;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.roomgate.consent.Purpose;
import org.roomgate.subject.SubjectId;

/** Request and response bodies of the rooms, join and attendance API. */
public final class RoomDtos {

    private RoomDtos() {
    }

    @Schema(name = "RoomRequest", example = """
            {"name":"Klasse 3b Mathematik","purpose":"LESSON","maxParticipants":30,
             "features":["VIDEO","AUDIO","CHAT","SCREEN_SHARE","WHITEBOARD","FILES","POLLS","STATUS"],
             "recording":false,"idleTimeout":"PT15M","maxDuration":"PT4H"}""")
    public record RoomRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Purpose purpose,
            @Min(1) @Schema(description = "Default and upper bound: roomgate.rooms.max-participants-ceiling; ONE_TO_ONE at most 2")
            Integer maxParticipants,
            @Schema(description = "What the room offers; default all eight. RECORD is refused with 422 (R5).")
            List<String> features,
            @Schema(description = "Must be false or absent: recording is prohibited (R5)") Boolean recording,
            @Schema(implementation = String.class, example = "PT15M") Duration idleTimeout,
            @Schema(implementation = String.class, example = "PT4H") Duration maxDuration) {
    }

    @Schema(name = "RoomPatch", example = "{\"name\":\"Klasse 3b Deutsch\",\"maxParticipants\":25,\"features\":[\"AUDIO\",\"CHAT\"]}")
    public record RoomPatch(
            @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @Min(1) Integer maxParticipants,
            List<String> features,
            Boolean recording,
            @Schema(implementation = String.class, example = "PT15M") Duration idleTimeout,
            @Schema(implementation = String.class, example = "PT4H") Duration maxDuration) {
    }

    @Schema(name = "Wipe", description = "NONE while open; PENDING from close until the wipe job deleted the content; DONE after")
    public record WipeView(String status, Instant wipedAt) {
    }

    @Schema(name = "Room", example = """
            {"id":"3b694795-1aa6-4fcf-80af-07010bb32da8","name":"Klasse 3b Mathematik","purpose":"LESSON","state":"OPEN",
             "maxParticipants":30,"features":["VIDEO","AUDIO","CHAT","SCREEN_SHARE","WHITEBOARD","FILES","POLLS","STATUS"],
             "idleTimeout":"PT15M","maxDuration":"PT8H","recording":false,"createdAt":"2026-03-02T07:55:08.020245Z",
             "closedAt":null,"closeReason":null,"participantsNow":2,"peakParticipants":2,"durationSeconds":540,
             "wipe":{"status":"NONE","wipedAt":null}}""")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RoomView(
            UUID id, String name, Purpose purpose, Room.State state, int maxParticipants, List<String> features,
            @Schema(implementation = String.class, description = "(extension)") Duration idleTimeout,
            @Schema(implementation = String.class, description = "(extension)") Duration maxDuration,
            @Schema(description = "Always false (R5; extension)") boolean recording,
            Instant createdAt, Instant closedAt,
            @Schema(description = "CLOSED, IDLE_TIMEOUT or MAX_DURATION (extension)") Room.CloseReason closeReason,
            int participantsNow, int peakParticipants, long durationSeconds, WipeView wipe) {
    }

    @Schema(name = "JoinRequest", example = """
            {"subjectId":"p-4711","displayName":"Max M.","role":"PUPIL","clientIp":"203.0.113.7","userAgent":"Mozilla/5.0"}""")
    public record JoinRequest(
            @SubjectId String subjectId,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Participation.Role role,
            @Size(max = 100) @Schema(description = "Passed through; never stored or logged (R4)") String clientIp,
            @Size(max = 2000) @Schema(description = "Passed through; never stored or logged (R4)") String userAgent) {
    }

    @Schema(name = "JoinResponse", example = """
            {"participationId":"acdf9948-2456-4d75-83ee-20387d3aea13",
             "token":"eyJhbGciOiJFUzI1NiIsImtpZCI6IkxjYnJmM05xOURqakJERWxEN0V4M2dxWUN1NnVKTjdTVHJIUnhkWHEySDQiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjgwODAiLCJhdWQiOiJjb25mZXJlbmNlIiwic3ViIjoiYWNkZjk5NDgtMjQ1Ni00ZDc1LTgzZWUtMjAzODdkM2FlYTEzIiwidGlkIjoia2FzdGVsbHNjaHVsZSIsInJvbGUiOiJQVVBJTCIsImNhcHMiOlsiVklERU8iLCJBVURJTyIsIkNIQVQiXX0.ZXhhbXBsZS1zaWduYXR1cmU",
             "expiresAt":"2026-03-02T08:55:09Z","capabilities":["VIDEO","AUDIO","CHAT"],"backend":{"kind":"NATIVE"}}""")
    public record JoinResponse(UUID participationId, String token, Instant expiresAt, List<String> capabilities,
            @Schema(description = "How to reach the tenant's conference backend") ConferenceGate.BackendAccess backend) {
    }

    @Schema(name = "LeaveRequest", example = "{\"participationId\":\"acdf9948-2456-4d75-83ee-20387d3aea13\"}")
    public record LeaveRequest(@NotNull UUID participationId) {
    }

    @Schema(name = "AttendanceEntry", example = """
            {"participationId":"acdf9948-2456-4d75-83ee-20387d3aea13","subjectId":"p-4711","displayName":"Max M.","role":"PUPIL",
             "joinedAt":"2026-03-02T07:55:09.154698Z","leftAt":"2026-03-02T08:40:17.502695Z","leaveReason":"ROOM_CLOSED"}""")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttendanceEntry(UUID participationId, String subjectId, String displayName, Participation.Role role,
            Instant joinedAt, Instant leftAt, Participation.LeaveReason leaveReason) {
    }

    @Schema(name = "Stats", description = "The tenant's figures now", example = """
            {"openRooms":3,"participantsNow":41,"joinsToday":57,"denialsToday":{"consent-missing":2,"room-full":1},
             "wipesPending":0,"oldestMetadataAgeSeconds":183204,"backendCallsPending":0}""")
    public record StatsView(long openRooms, long participantsNow, long joinsToday, Map<String, Long> denialsToday,
            long wipesPending, Long oldestMetadataAgeSeconds,
            @Schema(description = "Calls to the conference backend waiting for retry (extension)") long backendCallsPending) {
    }
}
