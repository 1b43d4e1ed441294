package org.roomgate.backend.livekit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.roomgate.backend.BackendConfig;
import org.roomgate.backend.BoundedHttp;

/**
 * LiveKit's RoomService over Twirp: {@code POST <apiUrl>/twirp/livekit.RoomService/<Method>}, a JSON
 * body in protojson names, and a bearer token minted per call with only the grant the call needs
 * (as LiveKit's own SDKs do). JDK HTTP client: one tenant's server is one URL among many, and
 * LiveKit's Java SDK would bring Retrofit, OkHttp and Kotlin for five POST requests.
 */
@ApplicationScoped
public class TwirpRoomService {

    private static final String PREFIX = "/twirp/livekit.RoomService/";

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    TwirpRoomService(ObjectMapper json, Clock clock, BackendConfig config) {
        this(json, clock, config.callTimeout());
    }

    TwirpRoomService(ObjectMapper json, Clock clock, Duration timeout) {
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Creates the room (idempotent on LiveKit's side) with roomgate's limits; never with egress (R5). */
    public void createRoom(LiveKitSettings settings, String room, long emptyTimeoutSeconds, int maxParticipants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", room);
        body.put("emptyTimeout", Math.min(emptyTimeoutSeconds, Integer.MAX_VALUE));
        body.put("maxParticipants", maxParticipants);
        call(settings, "CreateRoom", Map.of("roomCreate", true), body);
    }

    /** The names of every room on the server, roomgate's and others'. */
    public List<String> listRooms(LiveKitSettings settings) {
        JsonNode answer = call(settings, "ListRooms", Map.of("roomList", true), Map.of());
        List<String> names = new java.util.ArrayList<>();
        answer.path("rooms").forEach(room -> names.add(room.path("name").asText()));
        return names;
    }

    /** Ends the room for everyone in it; a room LiveKit no longer knows counts as deleted. */
    public void deleteRoom(LiveKitSettings settings, String room) {
        try {
            call(settings, "DeleteRoom", Map.of("roomCreate", true), Map.of("room", room));
        } catch (TwirpException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /** Disconnects one participant; one that is not (or no longer) connected counts as removed. */
    public void removeParticipant(LiveKitSettings settings, String room, String identity) {
        try {
            call(settings, "RemoveParticipant", adminOf(room), Map.of("room", room, "identity", identity));
        } catch (TwirpException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /**
     * Replaces a connected participant's rights; LiveKit then unpublishes tracks whose source is no
     * longer allowed. One that is not connected gets the new rights with its next token.
     */
    public void updateParticipant(LiveKitSettings settings, String room, String identity, LiveKitPermission permission) {
        try {
            call(settings, "UpdateParticipant", adminOf(room),
                    Map.of("room", room, "identity", identity, "permission", permission.participantPermission()));
        } catch (TwirpException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /** The identities connected to the room now; none when LiveKit does not know the room. */
    public List<String> listParticipants(LiveKitSettings settings, String room) {
        try {
            JsonNode answer = call(settings, "ListParticipants", adminOf(room), Map.of("room", room));
            return answer.path("participants").findValuesAsText("identity");
        } catch (TwirpException e) {
            if (e.notFound()) {
                return List.of();
            }
            throw e;
        }
    }

    private static Map<String, Object> adminOf(String room) {
        return Map.of("roomAdmin", true, "room", room);
    }

    private JsonNode call(LiveKitSettings settings, String method, Map<String, Object> grant, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(settings.apiUrl()) + PREFIX + method))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + LiveKitTokens.admin(settings, grant, clock.instant()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = BoundedHttp.send(http, request, HttpResponse.BodyHandlers.ofByteArray(), timeout);
            JsonNode answer = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                throw new TwirpException(method, response.statusCode(), answer.path("code").asText("unknown"));
            }
            return answer;
        } catch (IOException e) {
            throw new TwirpException(method, 0, "unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwirpException(method, 0, "unavailable");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
