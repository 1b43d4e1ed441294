package org.roomgate.backend.bbb;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.backend.bbb.BbbFixture.PUBLIC_URL;
import static org.roomgate.backend.bbb.BbbFixture.follow;
import static org.roomgate.backend.bbb.BbbFixture.meetingId;
import static org.roomgate.backend.bbb.BbbFixture.open;
import static org.roomgate.backend.bbb.BbbFixture.useStandIn;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roomgate.backend.bbb.BbbStandIn.Meeting;
import org.roomgate.support.Api.Platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * BigBlueButton end to end against the HTTP stand-in of its API ({@link BbbStandIn}, not a real
 * server): create with the policy, the consent-scope rule, entering, close, withdrawal, events.
 */
@QuarkusTest
class BbbBackendTest {

    static final List<String> LESSON_FEATURES = List.of("AUDIO", "VIDEO", "CHAT");
    static BbbStandIn standIn;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = BbbStandIn.start(BbbFixture.SECRET);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    private Platform bbbPlatform(String checksum) {
        return BbbFixture.platformOn(standIn, checksum);
    }

    @Test
    void shouldCreateTheMeetingOnTheFirstJoinWithThePolicyInItsParameters() {
        Platform platform = bbbPlatform("SHA256");
        String room = as(platform.key()).body(Map.of("name", "Klasse 3b Mathematik", "purpose", "LESSON",
                "maxParticipants", 7, "features", LESSON_FEATURES, "maxDuration", "PT45M"))
                .post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        assertEquals("BIGBLUEBUTTON", teacher.path("backend.kind"));
        assertEquals(PUBLIC_URL + "/api/v1/rooms/" + room + "/enter?token=" + teacher.path("token"), teacher.path("backend.joinUrl"));
        join(platform.key(), room, "t-2", "TEACHER");

        List<Map<String, String>> creates = standIn.creates.stream()
                .filter(c -> c.get("meetingID").equals(meetingId(platform.tenantId(), room))).toList();
        assertEquals(1, creates.size(), "created once, on the first join");
        Map<String, String> create = creates.get(0);
        for (String off : List.of("record", "autoStartRecording", "allowStartStopRecording", "meetingKeepEvents",
                "breakoutRoomsRecord")) {
            assertEquals("false", create.get(off), off);
        }
        assertEquals("7", create.get("maxParticipants"));
        assertEquals("45", create.get("duration"));
        assertEquals("ALWAYS_DENY", create.get("guestPolicy"));
        List<String> disabled = Arrays.asList(create.get("disabledFeatures").split(","));
        assertTrue(disabled.containsAll(List.of("learningDashboard", "learningDashboardDownloadSessionData",
                "liveTranscription", "captions", "sharedNotes")), "always disabled: " + disabled);
        assertTrue(disabled.containsAll(List.of("polls", "screenshare", "presentation", "infiniteWhiteboard",
                "downloadPresentationOriginalFile")), "what the room does not offer: " + disabled);
        assertFalse(disabled.contains("chat"), "the room offers chat");
        assertTrue(disabled.containsAll(List.of("raiseHand", "userReactions")), "the room does not offer STATUS: " + disabled);
        assertEquals("false", create.get("lockSettingsDisableCam"));
        assertEquals("false", create.get("lockSettingsDisableMic"));
        assertEquals("false", create.get("lockSettingsDisablePublicChat"));
        assertEquals("true", create.get("lockSettingsLockOnJoin"));
        assertTrue(create.keySet().stream().noneMatch(k -> k.startsWith("meta_")), "no meta_ parameter: " + create.keySet());
        assertTrue(create.get("meetingEndedURL").startsWith(PUBLIC_URL + "/api/v1/backend-events/" + platform.tenantId()
                + "?room=" + room + "&gen=1&sig="));
        assertEquals("Klasse 3b Mathematik", create.get("name"));
        Map<String, String> hook = standIn.hooks.stream()
                .filter(h -> meetingId(platform.tenantId(), room).equals(h.get("meetingID"))).findFirst().orElseThrow();
        assertEquals(PUBLIC_URL + "/api/v1/backend-events/" + platform.tenantId() + "?room=" + room, hook.get("callbackURL"));
        assertEquals("user-joined,user-left,meeting-ended", hook.get("eventID"));
        assertEquals("false", hook.get("getRaw"));
    }

    @Test
    void shouldLockForViewersAndDisableWhatTheRoomDoesNotOffer() {
        Platform platform = bbbPlatform("SHA1");
        String room = newRoom(platform.key(), "LESSON", 5, List.of("WHITEBOARD"));
        join(platform.key(), room, "t-1", "TEACHER");
        Map<String, String> create = standIn.meeting(meetingId(platform.tenantId(), room)).createParameters;
        assertEquals("true", create.get("lockSettingsDisableCam"));
        assertEquals("true", create.get("lockSettingsDisableMic"));
        assertEquals("true", create.get("lockSettingsDisablePublicChat"));
        List<String> disabled = Arrays.asList(create.get("disabledFeatures").split(","));
        assertTrue(disabled.containsAll(List.of("chat", "privateChat", "polls", "screenshare", "virtualBackgrounds")));
        assertFalse(disabled.contains("presentation"), "the whiteboard lives on the presentation");
        assertFalse(disabled.contains("infiniteWhiteboard"));

        String withStatus = newRoom(platform.key(), "LESSON", 5, List.of("AUDIO", "STATUS"));
        join(platform.key(), withStatus, "t-1", "TEACHER");
        List<String> statusOffered = Arrays.asList(standIn.meeting(meetingId(platform.tenantId(), withStatus))
                .createParameters.get("disabledFeatures").split(","));
        assertFalse(statusOffered.contains("raiseHand"), "STATUS: raise hand stays on");
        assertFalse(statusOffered.contains("userReactions"), "STATUS: reactions stay on");
    }

    @Test
    void shouldRefuseAPupilWhoseConsentDoesNotCoverTheViewerRights() {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        grantConsent(platform.key(), "p-narrow", "2020-11-19", List.of("AUDIO"), ALL_PURPOSES);
        grantConsent(platform.key(), "p-wide", "2020-11-19", List.of("AUDIO", "VIDEO", "CHAT", "POLLS"), ALL_PURPOSES);

        as(platform.key()).body(joinBody("p-narrow", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:roomgate:problem:consent-scope"))
                .body("detail", containsString("VIDEO")).body("detail", containsString("CHAT"))
                .body("rule", equalTo("R2"));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("size()", equalTo(0));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
        as(platform.key()).get("/api/v1/stats").then().body("denialsToday.consent-scope", equalTo(1));

        join(platform.key(), room, "p-wide", "PUPIL");
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1));
    }

    @Test
    void shouldEnterThroughAFreshlyChecksummedJoinUrl() throws Exception {
        Platform platform = bbbPlatform("SHA512");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        var pupil = join(platform.key(), room, "p-1", "PUPIL");
        var teacher = join(platform.key(), room, "t-1", "TEACHER");

        var redirect = open(pupil.path("backend.joinUrl"));
        redirect.then().statusCode(302).header("Cache-Control", "no-store");
        URI location = URI.create(redirect.header("Location"));
        assertTrue(location.toString().startsWith(standIn.url() + "api/join?"), location.toString());
        Meeting meeting = standIn.meeting(meetingId(platform.tenantId(), room));
        assertTrue(location.getRawQuery().contains("createTime=" + meeting.createTime));
        assertTrue(location.getRawQuery().contains("userID=" + pupil.path("participationId")));
        assertTrue(location.getRawQuery().contains("role=VIEWER"));
        assertTrue(location.getRawQuery().contains("guest=false"), "a viewer who is no guest, or bbb-web denies the join");
        assertEquals(128, location.getRawQuery().replaceAll(".*checksum=", "").length(), "SHA-512 as configured");
        assertTrue(follow(location.toString()).success(), "the stand-in accepts roomgate's checksum and createTime");
        assertTrue(URI.create(open(teacher.path("backend.joinUrl")).header("Location")).getRawQuery().contains("role=MODERATOR"));

        String otherRoom = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        RestAssured.given().redirects().follow(false).queryParam("token", pupil.<String>path("token"))
                .get("/api/v1/rooms/{r}/enter", otherRoom).then().statusCode(403);
        RestAssured.given().redirects().follow(false).queryParam("token", "not-a-token")
                .get("/api/v1/rooms/{r}/enter", room).then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().redirects().follow(false).get("/api/v1/rooms/{r}/enter", room).then().statusCode(401);

        as(platform.key()).body(Map.of("participationId", pupil.path("participationId")))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
        open(pupil.path("backend.joinUrl")).then().statusCode(401).body("type", equalTo("urn:roomgate:problem:unauthenticated"));
        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        open(teacher.path("backend.joinUrl")).then().statusCode(410).body("type", equalTo("urn:roomgate:problem:room-closed"));
    }

    @Test
    void shouldRefuseToEnterANativeTenantsRoom() {
        Platform platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        String token = join(platform.key(), room, "t-1", "TEACHER").path("token");
        RestAssured.given().redirects().follow(false).queryParam("token", token)
                .get("/api/v1/rooms/{r}/enter", room).then().statusCode(404);
    }

    @Test
    void shouldEndTheMeetingOnCloseAndRecordItInTheWipeReceipt() {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        join(platform.key(), room, "t-1", "TEACHER");
        Meeting meeting = standIn.meeting(meetingId(platform.tenantId(), room));
        standIn.stillRunningAfterEnd(2);

        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        as(platform.key()).get("/api/v1/rooms/{r}/wipe-receipt", room).then().body("backendEndedAt", nullValue());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(platform.key())
                .get("/api/v1/rooms/{r}/wipe-receipt", room).then().body("backendEndedAt", notNullValue()));
        assertFalse(standIn.meeting(meeting.meetingId).running);
        as(platform.key()).get("/api/v1/stats").then().body("backendCallsPending", equalTo(0));
    }

    @Test
    void shouldCloseWhileTheServerIsUnreachableAndEndTheMeetingWhenItAnswers() throws Exception {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        join(platform.key(), room, "t-1", "TEACHER");
        standIn.stop();
        try {
            as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200).body("state", equalTo("CLOSED"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                as(platform.key()).get("/api/v1/stats").then().body("backendCallsPending", equalTo(1));
                RestAssured.get("/q/metrics").then()
                        .body(containsString("roomgate_backend_pending{backend=\"bigbluebutton\"}"))
                        .body(containsString("roomgate_backend_calls_total{backend=\"bigbluebutton\",call=\"end_meeting\",outcome=\"failed\"}"));
            });
            as(platform.key()).get("/api/v1/rooms/{r}/wipe-receipt", room).then().body("backendEndedAt", nullValue());
        } finally {
            standIn.restart();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(platform.key())
                .get("/api/v1/rooms/{r}/wipe-receipt", room).then().body("backendEndedAt", notNullValue()));
        as(platform.key()).get("/api/v1/stats").then().body("backendCallsPending", equalTo(0));
        assertFalse(standIn.meeting(meetingId(platform.tenantId(), room)).running);
    }

    @Test
    void shouldRetryAnEndThatTheServerAnsweredWithFailed() {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        join(platform.key(), room, "t-1", "TEACHER");
        standIn.failNext("isMeetingRunning", "internalError");
        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(platform.key())
                .get("/api/v1/rooms/{r}/wipe-receipt", room).then().body("backendEndedAt", notNullValue()));
    }

    @Test
    void shouldAdmitButNotEnterWhileTheServerRefusesRoomgatesChecksum() {
        Platform platform = newPlatformWithPolicy();
        org.roomgate.support.Api.asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", standIn.url(), "secret", "wrong-secret"))
                .put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        int errorsBefore = standIn.checksumErrors.size();
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        assertTrue(standIn.checksumErrors.size() > errorsBefore, "the stand-in refused the checksum");
        open(teacher.path("backend.joinUrl")).then().statusCode(503).body("type", equalTo("urn:roomgate:problem:unavailable"));
    }

    @Test
    void shouldEndAndRecreateTheMeetingWhenAPupilWithdraws() throws Exception {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        var pupil = join(platform.key(), room, "p-1", "PUPIL");
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        String pupilsServerUrl = open(pupil.path("backend.joinUrl")).header("Location");
        long firstCreateTime = standIn.meeting(meetingId(platform.tenantId(), room)).createTime;

        as(platform.key()).delete("/api/v1/subjects/p-1/consent").then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Meeting now = standIn.meeting(meetingId(platform.tenantId(), room));
            return now.running && now.createTime != firstCreateTime;
        });
        assertEquals("mismatchCreateTimeParam", follow(pupilsServerUrl).messageKey(), "the old join URL stopped working");
        open(pupil.path("backend.joinUrl")).then().statusCode(401);
        String teachersNewUrl = open(teacher.path("backend.joinUrl")).then().statusCode(302).extract().header("Location");
        assertTrue(follow(teachersNewUrl).success(), "the others re-enter through /enter");
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));
    }

    @Test
    void shouldApplyVerifiedWebhooksAndRefuseForgedOnes() throws Exception {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        var other = join(platform.key(), room, "t-2", "TEACHER");
        Meeting meeting = standIn.meeting(meetingId(platform.tenantId(), room));
        String tenant = platform.tenantId();
        String callback = PUBLIC_URL + "/api/v1/backend-events/" + tenant;
        long leftAt = java.time.Instant.parse(as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .extract().<String>path("find { it.participationId == '" + teacher.path("participationId") + "' }.joinedAt"))
                .toEpochMilli() + 1;
        String userLeft = BbbStandIn.event("user-left", meeting, teacher.path("participationId"), leftAt);

        assertEquals(401, BbbStandIn.deliverSigned(BbbFixture.roomgate(), callback, BbbStandIn.body(userLeft), "0".repeat(40)));
        assertEquals(401, BbbStandIn.deliverSigned(BbbFixture.roomgate(), callback, BbbStandIn.body(userLeft), "abc"));
        assertEquals(401, BbbStandIn.deliverSigned(BbbFixture.roomgate(), callback, BbbStandIn.body(userLeft),
                BbbStandIn.hex("SHA-1", callback + BbbStandIn.body(userLeft) + "wrong-secret")));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(2));

        assertEquals(204, BbbFixture.deliver(standIn, tenant, "user-joined", meeting, teacher.path("participationId"), leftAt - 60_000));
        assertEquals(204, standIn.deliver(BbbFixture.roomgate(), callback, userLeft, "SHA-256"));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .body("find { it.participationId == '" + teacher.path("participationId") + "' }.leaveReason", equalTo("LEFT"))
                .body("find { it.participationId == '" + teacher.path("participationId") + "' }.leftAt",
                        equalTo(java.time.Instant.ofEpochMilli(leftAt).toString()));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1));

        Platform stranger = bbbPlatform("SHA256");
        assertEquals(204, BbbFixture.deliver(standIn, stranger.tenantId(), "meeting-ended", meeting, null, leftAt));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));

        assertEquals(204, BbbFixture.deliver(standIn, tenant, "meeting-ended", meeting, null, leftAt));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("CLOSED"));
        assertNotNull(other.path("participationId"));
    }

    @Test
    void shouldCloseOnlyOnTheSignedEndCallbackOfTheCurrentMeeting() throws Exception {
        Platform platform = bbbPlatform("SHA256");
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        Meeting meeting = standIn.meeting(meetingId(platform.tenantId(), room));
        BbbFixture.deliver(standIn, platform.tenantId(), "user-joined", meeting, teacher.path("participationId"),
                System.currentTimeMillis());
        URI callback = URI.create(meeting.createParameters.get("meetingEndedURL"));
        String path = callback.getRawPath() + "?" + callback.getRawQuery();

        RestAssured.given().urlEncodingEnabled(false).get(path.replaceAll("sig=[0-9a-f]+", "sig=" + "0".repeat(64))).then().statusCode(401);
        RestAssured.given().urlEncodingEnabled(false).get(path.replace("gen=1", "gen=2")).then().statusCode(401);
        RestAssured.given().urlEncodingEnabled(false).get(path).then().statusCode(204);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));

        meeting.running = false;
        RestAssured.given().urlEncodingEnabled(false).get(path).then().statusCode(204);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("CLOSED"))
                .body("closeReason", equalTo("CLOSED"));
        assertNotNull(teacher.path("participationId"));
    }
}
