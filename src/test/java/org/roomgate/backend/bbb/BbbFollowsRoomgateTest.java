package org.roomgate.backend.bbb;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.backend.bbb.BbbFixture.PUBLIC_URL;
import static org.roomgate.backend.bbb.BbbFixture.follow;
import static org.roomgate.backend.bbb.BbbFixture.meetingId;
import static org.roomgate.backend.bbb.BbbFixture.open;
import static org.roomgate.backend.bbb.BbbFixture.pupilIn;
import static org.roomgate.backend.bbb.BbbFixture.roomgate;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newRoom;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roomgate.backend.bbb.BbbStandIn.Meeting;
import org.roomgate.support.Api.Platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The BigBlueButton meeting follows roomgate (issue 21), against the stand-in ({@link BbbStandIn},
 * not a real server): a re-created meeting is recorded, a pupil sent out by the platform leaves
 * the meeting, repeated events re-create at most once, every room's hook gets its events, pupils
 * get past the guest policy.
 */
@QuarkusTest
class BbbFollowsRoomgateTest {

    static final List<String> LESSON_FEATURES = BbbBackendTest.LESSON_FEATURES;
    static BbbStandIn standIn;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = BbbStandIn.start(BbbFixture.SECRET);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    private Platform bbbPlatform() {
        return BbbFixture.platformOn(standIn, "SHA256");
    }

    /** Opens the join link and follows it to the stand-in, as the browser does; returns the server's join URL. */
    private static String enter(String joinUrl) throws Exception {
        String location = open(joinUrl).then().statusCode(302).extract().header("Location");
        assertEquals("successfullyJoined", follow(location).messageKey(), location);
        return location;
    }

    private static void awaitNoPendingCalls(Platform platform) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(platform.key()).get("/api/v1/stats").then()
                .body("backendCallsPending", equalTo(0)));
    }

    private static long ends(String meetingId) {
        return standIn.ends.stream().filter(meetingId::equals).count();
    }

    @Test
    void shouldRecordTheReCreatedMeetingSoThatBigBlueButtonsOwnEndClosesTheRoom() throws Exception {
        Platform platform = bbbPlatform();
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        String meetingId = meetingId(platform.tenantId(), room);
        var pupil = pupilIn(platform, room, "p-1");
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        enter(pupil.path("backend.joinUrl"));
        long firstCreateTime = standIn.meeting(meetingId).createTime;

        as(platform.key()).delete("/api/v1/subjects/p-1/consent").then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> standIn.meeting(meetingId).running
                && standIn.meeting(meetingId).createTime != firstCreateTime);
        awaitNoPendingCalls(platform);
        Meeting recreated = standIn.meeting(meetingId);
        URI endCallback = URI.create(recreated.createParameters.get("meetingEndedURL"));
        assertTrue(endCallback.getRawQuery().contains("gen=2"), "the new meeting's end callback is of its own generation");

        enter(teacher.path("backend.joinUrl"));
        standIn.leave(meetingId, teacher.path("participationId"));
        long leftAt = System.currentTimeMillis();
        assertEquals(List.of(204), standIn.emit(roomgate(), "user-left", recreated, teacher.path("participationId"), leftAt));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .body("find { it.participationId == '" + teacher.path("participationId") + "' }.leaveReason", equalTo("LEFT"));

        recreated.running = false; // the teacher's "End meeting" in the client
        RestAssured.given().urlEncodingEnabled(false).get(endCallback.getRawPath() + "?" + endCallback.getRawQuery())
                .then().statusCode(204);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("CLOSED"));
    }

    @Test
    void shouldTakeAPupilSentOutByThePlatformOutOfTheMeetingOnlyWhileAttending() throws Exception {
        Platform platform = bbbPlatform();
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        String meetingId = meetingId(platform.tenantId(), room);
        var inside = pupilIn(platform, room, "p-in");
        var gone = pupilIn(platform, room, "p-gone");
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        String insidesServerUrl = enter(inside.path("backend.joinUrl"));
        enter(gone.path("backend.joinUrl"));
        enter(teacher.path("backend.joinUrl"));
        long firstCreateTime = standIn.meeting(meetingId).createTime;

        standIn.leave(meetingId, gone.path("participationId")); // closed the tab before the platform's leave
        as(platform.key()).body(java.util.Map.of("participationId", gone.path("participationId")))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
        awaitNoPendingCalls(platform);
        assertEquals(firstCreateTime, standIn.meeting(meetingId).createTime, "nobody to take out: the lesson goes on");
        assertEquals(0, ends(meetingId));

        as(platform.key()).body(java.util.Map.of("participationId", inside.path("participationId")))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> standIn.meeting(meetingId).running
                && standIn.meeting(meetingId).createTime != firstCreateTime);
        assertFalse(standIn.attendees(meetingId).contains(inside.<String>path("participationId")));
        assertEquals("mismatchCreateTimeParam", follow(insidesServerUrl).messageKey(), "the pupil's session is void");
        open(inside.path("backend.joinUrl")).then().statusCode(401);
        enter(teacher.path("backend.joinUrl"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));
    }

    @Test
    void shouldReCreateOnceForRepeatedJoinsOfAnEndedParticipation() throws Exception {
        Platform platform = bbbPlatform();
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        String meetingId = meetingId(platform.tenantId(), room);
        var pupil = pupilIn(platform, room, "p-1");
        join(platform.key(), room, "t-1", "TEACHER");
        String pupilsServerUrl = enter(pupil.path("backend.joinUrl"));
        standIn.leave(meetingId, pupil.path("participationId"));
        as(platform.key()).body(java.util.Map.of("participationId", pupil.path("participationId")))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
        awaitNoPendingCalls(platform);
        assertEquals(0, ends(meetingId));

        // Back in through the old server URL (same createTime), reconnecting five times.
        assertEquals("successfullyJoined", follow(pupilsServerUrl).messageKey());
        Meeting meeting = standIn.meeting(meetingId);
        String joined = BbbStandIn.event("user-joined", meeting, pupil.path("participationId"), System.currentTimeMillis());
        // To the tenant's plain callback URL, which hooks registered by earlier versions still use.
        String callback = PUBLIC_URL + "/api/v1/backend-events/" + platform.tenantId();
        assertEquals(204, standIn.deliverAll(roomgate(), callback, Collections.nCopies(5, joined), "SHA-1"));
        assertEquals(204, standIn.deliverAll(roomgate(), callback, Collections.nCopies(5, joined), "SHA-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> standIn.meeting(meetingId).createTime != meeting.createTime);
        awaitNoPendingCalls(platform);
        assertEquals(204, standIn.deliverAll(roomgate(), callback, Collections.nCopies(5, joined), "SHA-1"));
        awaitNoPendingCalls(platform);

        assertEquals(1, ends(meetingId), "one re-creation, not one per event");
        assertFalse(standIn.attendees(meetingId).contains(pupil.<String>path("participationId")));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));
    }

    @Test
    void shouldIgnoreUnknownParticipationsAndRefuseAnOversizedDelivery() throws Exception {
        Platform platform = bbbPlatform();
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        String meetingId = meetingId(platform.tenantId(), room);
        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        enter(teacher.path("backend.joinUrl"));
        Meeting meeting = standIn.meeting(meetingId);
        String callback = PUBLIC_URL + "/api/v1/backend-events/" + platform.tenantId();
        List<String> strangers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            strangers.add(BbbStandIn.event("user-joined", meeting, UUID.randomUUID().toString(), System.currentTimeMillis()));
        }
        assertEquals(204, standIn.deliverAll(roomgate(), callback, strangers, "SHA-256"));
        as(platform.key()).get("/api/v1/stats").then().body("backendCallsPending", equalTo(0));

        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            flood.add(BbbStandIn.event(i % 2 == 0 ? "user-joined" : "user-left", meeting, UUID.randomUUID().toString(),
                    System.currentTimeMillis()));
        }
        String body = BbbStandIn.bodyOf(flood);
        RestAssured.given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").body(body)
                .post("/api/v1/backend-events/" + platform.tenantId() + "?checksum="
                        + BbbStandIn.hex("SHA-1", callback + body + BbbFixture.SECRET))
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:roomgate:problem:payload-too-large"))
                .body("detail", containsString("at most"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1));
        as(platform.key()).get("/api/v1/stats").then().body("backendCallsPending", equalTo(0));
        assertEquals(0, ends(meetingId));
    }

    @Test
    void shouldGiveEveryRoomItsOwnHookAndApplyOnlyItsOwnEvents() throws Exception {
        Platform platform = bbbPlatform();
        String first = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        String second = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        var teacherOfFirst = join(platform.key(), first, "t-1", "TEACHER");
        var teacherOfSecond = join(platform.key(), second, "t-2", "TEACHER");
        enter(teacherOfSecond.path("backend.joinUrl"));
        Meeting secondMeeting = standIn.meeting(meetingId(platform.tenantId(), second));
        String firstsCallback = PUBLIC_URL + "/api/v1/backend-events/" + platform.tenantId() + "?room=" + first;
        assertTrue(standIn.hooks.stream().anyMatch(h -> secondMeeting.meetingId.equals(h.get("meetingID"))),
                "the second room registered a hook of its own: " + standIn.hookDuplicates);

        standIn.leave(secondMeeting.meetingId, teacherOfSecond.path("participationId"));
        long leftAt = System.currentTimeMillis();
        assertEquals(List.of(204), standIn.emit(roomgate(), "user-left", secondMeeting, teacherOfSecond.path("participationId"),
                leftAt), "the second room's own hook received its event");
        as(platform.key()).get("/api/v1/rooms/{r}", second).then().body("participantsNow", equalTo(0));

        // An event of the second room, posted to the first room's callback URL: verified, but not that room's.
        var again = join(platform.key(), second, "t-2", "TEACHER");
        enter(again.path("backend.joinUrl"));
        standIn.leave(secondMeeting.meetingId, again.path("participationId"));
        String otherRoomsEvent = BbbStandIn.event("user-left", secondMeeting, again.path("participationId"), leftAt + 1);
        assertEquals(204, standIn.deliver(roomgate(), firstsCallback, otherRoomsEvent, "SHA-1"));
        as(platform.key()).get("/api/v1/rooms/{r}", second).then().body("participantsNow", equalTo(1));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", first).then()
                .body("find { it.participationId == '" + teacherOfFirst.path("participationId") + "' }.leaveReason",
                        org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldLetPupilsPastTheDenyAllGuestPolicy() throws Exception {
        Platform platform = bbbPlatform();
        String room = newRoom(platform.key(), "LESSON", 5, LESSON_FEATURES);
        var pupil = pupilIn(platform, room, "p-1");
        String location = enter(pupil.path("backend.joinUrl"));
        assertTrue(URI.create(location).getRawQuery().contains("&guest=false&"), location);
        assertEquals("ALWAYS_DENY", standIn.meeting(meetingId(platform.tenantId(), room)).createParameters.get("guestPolicy"));

        // The stand-in, like bbb-web, turns a viewer away who does not say guest=false.
        String query = "fullName=Max&meetingID=" + meetingId(platform.tenantId(), room) + "&role=VIEWER&userID=u-1";
        String withoutGuest = standIn.url() + "api/join?" + query + "&checksum=" + BbbStandIn.hex("SHA-1", "join" + query
                + BbbFixture.SECRET);
        assertEquals("guestDeniedAccess", follow(withoutGuest).messageKey());
    }
}
