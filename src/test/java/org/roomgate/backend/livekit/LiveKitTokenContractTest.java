package org.roomgate.backend.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * roomgate's LiveKit access tokens judged by LiveKit's own TokenVerifier (npm livekit-server-sdk),
 * plus the rules where LiveKit's Go server is stricter than that SDK (HS256 only, exp required).
 */
class LiveKitTokenContractTest {

    static final LiveKitSettings DEFAULT_SETTINGS = new LiveKitSettings("wss://lk.example", "https://lk.example",
            "APIroomgate", "a-livekit-api-secret-of-forty-characters!");
    static final String DEFAULT_ROOM = "kastellschule--8c1f0b9e-6c0e-4c5e-9a57-1f1b0a3e2d11";
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** Every flag LiveKit knows in a video grant, so none is left to its "absent means allowed" default. */
    static final Set<String> EVERY_FLAG = Set.of("room", "roomJoin", "canSubscribe", "canPublish", "canPublishSources",
            "canPublishData", "canUpdateOwnMetadata", "canSubscribeMetrics", "roomCreate", "roomList", "roomRecord",
            "roomAdmin", "ingressAdmin", "hidden", "recorder", "agent");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldMintAPupilTokenThatLiveKitsVerifierAcceptsWithEveryFlagExplicit() throws Exception {
        String participationId = UUID.randomUUID().toString();
        String token = mint(participationId, List.of("AUDIO", "VIDEO", "CHAT", "WHITEBOARD"), Instant.now());

        JsonNode answer = LiveKitSdk.batch().verifyToken(token, DEFAULT_SETTINGS.apiKey(), DEFAULT_SETTINGS.apiSecret()).single();

        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        JsonNode claims = answer.path("claims");
        assertEquals("APIroomgate", claims.path("iss").asText());
        assertEquals(participationId, claims.path("sub").asText());
        assertEquals("Max M.", claims.path("name").asText());
        JsonNode video = claims.path("video");
        assertEquals(EVERY_FLAG, fieldNames(video));
        assertEquals(DEFAULT_ROOM, video.path("room").asText());
        assertTrue(video.path("roomJoin").asBoolean());
        assertTrue(video.path("canPublish").asBoolean());
        assertEquals(List.of("microphone", "camera"), texts(video.path("canPublishSources")));
        assertTrue(video.path("canPublishData").asBoolean());
        assertFalse(video.path("canUpdateOwnMetadata").asBoolean());
        for (String never : List.of("roomAdmin", "roomRecord", "recorder", "hidden", "roomCreate", "roomList", "agent")) {
            assertTrue(video.path(never).isBoolean() && !video.path(never).asBoolean(), never);
        }
        assertEquals(Set.of("iss", "sub", "name", "video", "nbf", "exp"), fieldNames(claims),
                "only R7's facts, never roomConfig, metadata or attributes");
    }

    @Test
    void shouldDenyPublishingWhenNoCapabilityMapsToASource() throws Exception {
        String token = mint(UUID.randomUUID().toString(), List.of("WHITEBOARD", "FILES", "POLLS"), Instant.now());

        JsonNode video = LiveKitSdk.batch().verifyToken(token, DEFAULT_SETTINGS.apiKey(), DEFAULT_SETTINGS.apiSecret())
                .single().path("claims").path("video");

        assertFalse(video.path("canPublish").asBoolean(), "an empty source list alone would allow every source");
        assertEquals(List.of(), texts(video.path("canPublishSources")));
        assertFalse(video.path("canPublishData").asBoolean());
        assertFalse(video.path("canUpdateOwnMetadata").asBoolean());
    }

    @Test
    void shouldMapScreenShareAndStatusToTheirOwnFlags() throws Exception {
        String token = mint(UUID.randomUUID().toString(), List.of("SCREEN_SHARE", "STATUS", "MODERATE"), Instant.now());

        JsonNode video = LiveKitSdk.batch().verifyToken(token, DEFAULT_SETTINGS.apiKey(), DEFAULT_SETTINGS.apiSecret())
                .single().path("claims").path("video");

        assertEquals(List.of("screen_share", "screen_share_audio"), texts(video.path("canPublishSources")));
        assertTrue(video.path("canUpdateOwnMetadata").asBoolean());
        assertFalse(video.path("canPublishData").asBoolean());
        assertFalse(video.path("roomAdmin").asBoolean(), "MODERATE is roomgate's, never LiveKit's roomAdmin");
    }

    @Test
    void shouldBeRefusedByLiveKitForAnotherSecretAnotherKeyOrAfterExpiry() {
        String token = mint(UUID.randomUUID().toString(), List.of("AUDIO"), Instant.now());
        String expired = mint(UUID.randomUUID().toString(), List.of("AUDIO"), Instant.now().minus(Duration.ofHours(1)));

        List<JsonNode> answers = LiveKitSdk.batch()
                .verifyToken(token, DEFAULT_SETTINGS.apiKey(), "another-secret-another-secret-another-secret")
                .verifyToken(token, "APIanother", DEFAULT_SETTINGS.apiSecret())
                .verifyToken(expired, DEFAULT_SETTINGS.apiKey(), DEFAULT_SETTINGS.apiSecret())
                .run();

        answers.forEach(a -> assertFalse(a.path("ok").asBoolean(), a.toString()));
    }

    @Test
    void shouldKeepTheGoServersStricterRules() throws Exception {
        Instant now = Instant.now();
        String token = mint(UUID.randomUUID().toString(), List.of("AUDIO"), now);

        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        assertEquals("HS256", header.path("alg").asText(), "the server accepts HS256 only; the SDK would also take HS512");
        assertTrue(claims.path("exp").isNumber(), "the server requires exp");
        assertEquals(now.plus(DEFAULT_LIFETIME).getEpochSecond(), claims.path("exp").asLong());
        assertTrue(claims.path("nbf").asLong() <= now.getEpochSecond());
    }

    @Test
    void shouldSignRoomServiceCallsWithOnlyTheGrantTheCallNeeds() {
        String token = LiveKitTokens.admin(DEFAULT_SETTINGS, java.util.Map.of("roomAdmin", true, "room", DEFAULT_ROOM),
                Instant.now());

        JsonNode claims = LiveKitSdk.batch().verifyToken(token, DEFAULT_SETTINGS.apiKey(), DEFAULT_SETTINGS.apiSecret())
                .single().path("claims");

        assertEquals(Set.of("roomAdmin", "room"), fieldNames(claims.path("video")));
        assertTrue(claims.path("exp").asLong() - claims.path("nbf").asLong() <= 65);
    }

    static String mint(String participationId, List<String> capabilities, Instant now) {
        return LiveKitTokens.participant(DEFAULT_SETTINGS, DEFAULT_ROOM, participationId, "Max M.",
                LiveKitPermission.of(capabilities), now, DEFAULT_LIFETIME);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
