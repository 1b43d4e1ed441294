package org.roomgate.backend.livekit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.backend.BackendCallWorker;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.TestClock;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A tenant on LiveKit, end to end: join → CreateRoom and a token LiveKit's SDK accepts; leave,
 * withdrawal → RemoveParticipant; narrower features → UpdateParticipant; close → DeleteRoom and
 * backendEndedAt; LiveKit's webhooks in. The Twirp API is the HTTP stand-in; the test runs the
 * reliable-calls worker itself after moving the clock, so nothing waits on a timer.
 */
@QuarkusTest
class LiveKitLifecycleTest {

    static final String API_KEY = "APIroomgate";
    static final String API_SECRET = "a-livekit-api-secret-of-forty-characters!";
    static final List<String> PUPIL_SCOPES = List.of("AUDIO", "VIDEO", "CHAT");

    static TwirpStandIn standIn;

    @Inject
    BackendCallWorker worker;

    @Inject
    TestClock clock;

    private Platform platform;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = new TwirpStandIn();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @BeforeEach
    void liveKitTenant() {
        standIn.reset();
        platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", standIn.apiUrl(), "apiKey", API_KEY,
                "apiSecret", API_SECRET)).put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", PUPIL_SCOPES, ALL_PURPOSES);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCreateTheRoomAndHandOverATokenThatLiveKitAccepts() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        ExtractableResponse<Response> joined = join(platform.key(), room, "p-1", "PUPIL");

        assertEquals("LIVEKIT", joined.path("backend.kind"));
        assertEquals("wss://lk.example", joined.path("backend.url"));
        JsonNode room0 = standIn.room(meeting(room));
        assertEquals(30, room0.path("maxParticipants").asInt());
        assertEquals(900, room0.path("emptyTimeout").asInt(), "the room's idle timeout (default PT15M)");
        JsonNode claims = LiveKitSdk.batch().verifyToken(joined.path("backend.token"), API_KEY, API_SECRET).single()
                .path("claims");
        assertEquals(joined.path("participationId").toString(), claims.path("sub").asText());
        assertEquals(meeting(room), claims.path("video").path("room").asText());
        assertEquals(List.of("microphone", "camera"), LiveKitTokenContractTest.texts(claims.path("video").path("canPublishSources")));
        assertTrue(claims.path("video").path("canPublishData").asBoolean());
    }

    @Test
    void shouldAnswer503WhileLiveKitIsDownAndHandOverOnTheNextJoin() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        standIn.unavailable(true);

        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(503)
                .contentType("application/problem+json").body("type", equalTo("urn:roomgate:problem:unavailable"));
        String admitted = as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(200)
                .extract().path("[0].participationId");
        standIn.unavailable(false);
        ExtractableResponse<Response> joined = join(platform.key(), room, "p-1", "PUPIL");

        assertEquals(admitted, joined.path("participationId"), "the admission stood; the join hands it over now");
        assertTrue(standIn.hasRoom(meeting(room)));
        assertEquals("LIVEKIT", joined.path("backend.kind"));
    }

    @Test
    void shouldRemoveAParticipantWhenItLeavesOrConsentIsWithdrawn() {
        grantConsent(platform.key(), "p-2", "2020-11-19", PUPIL_SCOPES, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String leaving = connect(room, "p-1");
        String withdrawn = connect(room, "p-2");

        as(platform.key()).body(Map.of("participationId", leaving)).post("/api/v1/rooms/{r}/leave", room)
                .then().statusCode(204);
        as(platform.key()).delete("/api/v1/subjects/{s}/consent", "p-2").then().statusCode(204);
        performCalls();

        assertFalse(standIn.isConnected(meeting(room), leaving));
        assertFalse(standIn.isConnected(meeting(room), withdrawn));
        List<TwirpStandIn.Call> removals = standIn.calls("RemoveParticipant", meeting(room));
        assertEquals(2, removals.size());
        JsonNode lastRights = LiveKitSdk.batch().parseTwirp("UpdateParticipant",
                        standIn.calls("UpdateParticipant", meeting(room)).get(0).body())
                .single().path("json").path("permission");
        assertFalse(lastRights.path("canSubscribe").asBoolean(), "every right taken before the removal");
        assertFalse(lastRights.path("canPublish").asBoolean());
        assertTrue(standIn.hasRoom(meeting(room)), "the room stays for the others");
    }

    @Test
    void shouldNarrowAConnectedParticipantsRightsAtOnce() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String pupil = connect(room, "p-1");

        as(platform.key()).body(Map.of("features", List.of("AUDIO"))).patch("/api/v1/rooms/{r}", room).then().statusCode(200);
        performCalls();

        JsonNode permission = standIn.permission(meeting(room), pupil);
        assertEquals(List.of("MICROPHONE"), LiveKitTokenContractTest.texts(permission.path("canPublishSources")));
        assertFalse(permission.path("canPublishData").asBoolean());
        assertTrue(standIn.isConnected(meeting(room), pupil));
    }

    @Test
    void shouldDeleteTheRoomAtCloseAndRetryUntilLiveKitConfirms() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        connect(room, "p-1");
        standIn.unavailable(true);

        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        performCalls();

        assertTrue(standIn.hasRoom(meeting(room)), "DeleteRoom failed");
        as(platform.key()).get("/api/v1/rooms/{r}/wipe-receipt", room).then().statusCode(200)
                .body("backendEndedAt", nullValue());

        standIn.unavailable(false);
        performCalls();

        assertFalse(standIn.hasRoom(meeting(room)));
        assertTrue(standIn.calls("DeleteRoom", meeting(room)).size() >= 2, "retried until LiveKit confirmed");
        as(platform.key()).get("/api/v1/rooms/{r}/wipe-receipt", room).then().statusCode(200)
                .body("backendEndedAt", notNullValue());
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("roomgate_backend_calls_total{backend=\"livekit\",call=\"end_meeting\",outcome=\"failed\"}"));
        assertTrue(metrics.contains("roomgate_backend_calls_total{backend=\"livekit\",call=\"end_meeting\",outcome=\"ok\"}"));
        assertTrue(metrics.contains("roomgate_backend_pending{backend=\"livekit\"}"));
    }

    @Test
    void shouldEndTheParticipationWhenLiveKitReportsItLeft() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String pupil = connect(room, "p-1");

        deliver(webhook("participant_left", meeting(room), pupil), API_SECRET).then().statusCode(204);

        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(200)
                .body("[0].leftAt", notNullValue()).body("[0].leaveReason", equalTo("LEFT"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
    }

    @Test
    void shouldRefuseABadSignatureAndChangeNothing() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String pupil = connect(room, "p-1");
        String body = webhook("participant_left", meeting(room), pupil);
        String auth = LiveKitSdk.batch().signWebhook(body, API_KEY, API_SECRET, "5m").single().path("auth").asText();

        RestAssured.given().header("Authorization", auth).contentType("application/webhook+json")
                .body(body.replace("participant_left", "room_finished")).post("/api/v1/backend-events/{t}", platform.tenantId())
                .then().statusCode(401).contentType("application/problem+json");
        deliver(body, "another-secret-another-secret-another-secret").then().statusCode(401);
        RestAssured.given().contentType("application/webhook+json").body(body)
                .post("/api/v1/backend-events/{t}", platform.tenantId()).then().statusCode(401);

        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("[0].leftAt", nullValue());
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1)).body("state", equalTo("OPEN"));
    }

    @Test
    void shouldRemoveAnEndedParticipationThatJoinsAgain() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String pupil = connect(room, "p-1");
        as(platform.key()).body(Map.of("participationId", pupil)).post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
        performCalls();
        clock.reset(); // LiveKit signs its webhooks with the real time
        standIn.connect(meeting(room), pupil);

        deliver(webhook("participant_joined", meeting(room), pupil), API_SECRET).then().statusCode(204);
        performCalls();

        assertFalse(standIn.isConnected(meeting(room), pupil), "a refreshed token let it back in; roomgate removes it again");
        assertEquals(2, standIn.calls("RemoveParticipant", meeting(room)).size());
    }

    @Test
    void shouldCloseTheRoomWhenLiveKitFinishesItButIgnoreAnotherTenantsRoom() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        connect(room, "p-1");

        deliver(webhook("room_finished", "t-other--" + room, ""), API_SECRET).then().statusCode(204);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));

        deliver(webhook("room_finished", meeting(room), ""), API_SECRET).then().statusCode(204);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("CLOSED"));
    }

    /**
     * Performs the recorded calls: what is due now (waiting for an attempt already running after
     * the commit), then, past the longest retry wait, what an earlier attempt left for a retry.
     */
    private void performCalls() {
        worker.performDue();
        clock.advance(Duration.ofMinutes(10));
        worker.performDue();
    }

    /** Joins the subject and connects it to the stand-in, as its browser would with the token. */
    private String connect(String room, String subject) {
        String participation = join(platform.key(), room, subject, "PUPIL").path("participationId");
        standIn.connect(meeting(room), participation);
        return participation;
    }

    private String meeting(String room) {
        return platform.tenantId() + "--" + room;
    }

    private Response deliver(String body, String secret) {
        String auth = LiveKitSdk.batch().signWebhook(body, API_KEY, secret, "5m").single().path("auth").asText();
        return RestAssured.given().header("Authorization", auth).contentType("application/webhook+json").body(body)
                .post("/api/v1/backend-events/{t}", platform.tenantId());
    }

    /** A webhook body as LiveKit sends it (protojson; int64 as a string). */
    static String webhook(String event, String room, String identity) {
        String participant = identity.isEmpty() ? "" : ",\"participant\":{\"sid\":\"PA_1\",\"identity\":\"" + identity
                + "\",\"name\":\"Max M.\"}";
        return "{\"event\":\"" + event + "\",\"room\":{\"sid\":\"RM_1\",\"name\":\"" + room + "\"}" + participant
                + ",\"id\":\"EV_" + System.nanoTime() + "\",\"createdAt\":\"" + java.time.Instant.now().getEpochSecond() + "\"}";
    }
}
