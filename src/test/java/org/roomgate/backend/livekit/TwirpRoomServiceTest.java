package org.roomgate.backend.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The RoomService client against the Twirp stand-in; what it sends is judged by LiveKit's own
 * protocol parser and token verifier, not by the stand-in.
 */
class TwirpRoomServiceTest {

    static final String DEFAULT_ROOM = LiveKitTokenContractTest.DEFAULT_ROOM;
    static final String DEFAULT_IDENTITY = "5b0e6a2c-2f7e-4c8e-9b1a-3d6f0e1c2a4b";

    private TwirpStandIn standIn;
    private LiveKitSettings settings;
    private TwirpRoomService client;

    @BeforeEach
    void start() throws Exception {
        standIn = new TwirpStandIn();
        LiveKitSettings base = LiveKitTokenContractTest.DEFAULT_SETTINGS;
        settings = new LiveKitSettings(base.url(), standIn.apiUrl() + "/", base.apiKey(), base.apiSecret());
        client = new TwirpRoomService(new ObjectMapper(), Clock.systemUTC(), java.time.Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void shouldSendBodiesThatLiveKitsProtocolParsesStrictly() {
        client.createRoom(settings, DEFAULT_ROOM, 900, 30);
        standIn.connect(DEFAULT_ROOM, DEFAULT_IDENTITY);
        client.updateParticipant(settings, DEFAULT_ROOM, DEFAULT_IDENTITY, LiveKitPermission.of(List.of("AUDIO", "CHAT")));
        assertEquals(List.of(DEFAULT_IDENTITY), client.listParticipants(settings, DEFAULT_ROOM));
        client.removeParticipant(settings, DEFAULT_ROOM, DEFAULT_IDENTITY);
        client.deleteRoom(settings, DEFAULT_ROOM);

        LiveKitSdk sdk = LiveKitSdk.batch();
        standIn.calls().forEach(c -> sdk.parseTwirp(c.method(), c.body()));
        List<JsonNode> parsed = sdk.run();

        parsed.forEach(p -> assertTrue(p.path("ok").asBoolean(), p.toString()));
        JsonNode create = parsed.get(0).path("json");
        assertEquals(DEFAULT_ROOM, create.path("name").asText());
        assertEquals(900, create.path("emptyTimeout").asInt());
        assertEquals(30, create.path("maxParticipants").asInt());
        assertTrue(create.path("egress").isMissingNode(), "a room is never created with egress (R5)");
        JsonNode permission = parsed.get(1).path("json").path("permission");
        assertEquals(List.of("MICROPHONE"), LiveKitTokenContractTest.texts(permission.path("canPublishSources")));
        assertTrue(permission.path("canPublish").asBoolean());
        assertTrue(permission.path("canPublishData").asBoolean());
        assertFalse(permission.path("canUpdateMetadata").asBoolean());
        assertFalse(permission.path("recorder").asBoolean());
        assertFalse(standIn.hasRoom(DEFAULT_ROOM));
    }

    @Test
    void shouldSignEachCallWithExactlyTheGrantItNeeds() {
        client.createRoom(settings, DEFAULT_ROOM, 900, 30);
        client.removeParticipant(settings, DEFAULT_ROOM, DEFAULT_IDENTITY);
        client.deleteRoom(settings, DEFAULT_ROOM);

        LiveKitSdk sdk = LiveKitSdk.batch();
        standIn.calls().forEach(c -> sdk.verifyToken(c.authorization().substring("Bearer ".length()), settings.apiKey(),
                settings.apiSecret()));
        List<JsonNode> verified = sdk.run();

        assertEquals(Map.of("roomCreate", true), grant(verified.get(0)));
        assertEquals(Map.of("roomAdmin", true, "room", DEFAULT_ROOM), grant(verified.get(1)));
        assertEquals(Map.of("roomCreate", true), grant(verified.get(2)));
    }

    @Test
    void shouldListEveryRoomOnTheServerWithOnlyTheRoomListGrant() {
        client.createRoom(settings, DEFAULT_ROOM, 900, 30);
        standIn.foreignRoom("town-hall");

        assertEquals(Set.of(DEFAULT_ROOM, "town-hall"), Set.copyOf(client.listRooms(settings)));

        TwirpStandIn.Call list = standIn.calls("ListRooms").get(0);
        LiveKitSdk sdk = LiveKitSdk.batch();
        sdk.verifyToken(list.authorization().substring("Bearer ".length()), settings.apiKey(), settings.apiSecret());
        sdk.parseTwirp("ListRooms", list.body());
        List<JsonNode> checked = sdk.run();
        assertEquals(Map.of("roomList", true), grant(checked.get(0)));
        assertTrue(checked.get(1).path("ok").asBoolean(), checked.get(1).toString());
    }

    @Test
    void shouldTreatAnAlreadyGoneRoomOrParticipantAsDone() {
        client.deleteRoom(settings, "kastellschule--gone");
        client.removeParticipant(settings, "kastellschule--gone", DEFAULT_IDENTITY);
        client.updateParticipant(settings, "kastellschule--gone", DEFAULT_IDENTITY, LiveKitPermission.none());

        assertEquals(List.of(), client.listParticipants(settings, "kastellschule--gone"));
        assertEquals(Set.of("DeleteRoom", "RemoveParticipant", "UpdateParticipant", "ListParticipants"),
                Set.copyOf(standIn.calls().stream().map(TwirpStandIn.Call::method).toList()));
    }

    @Test
    void shouldReportAnUnavailableServerAsWorthRetrying() {
        standIn.unavailable(true);
        TwirpException overloaded = assertThrows(TwirpException.class, () -> client.createRoom(settings, DEFAULT_ROOM, 60, 2));
        standIn.close();
        TwirpException unreachable = assertThrows(TwirpException.class, () -> client.deleteRoom(settings, DEFAULT_ROOM));

        assertEquals(503, overloaded.status());
        assertTrue(overloaded.retryable());
        assertEquals(0, unreachable.status());
        assertTrue(unreachable.retryable());
        assertFalse(new TwirpException("CreateRoom", 400, "invalid_argument").retryable());
    }

    private static Map<String, Object> grant(JsonNode answer) {
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        return new ObjectMapper().convertValue(answer.path("claims").path("video"), Map.class);
    }
}
