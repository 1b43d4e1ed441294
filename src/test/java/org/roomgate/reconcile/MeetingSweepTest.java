package org.roomgate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roomgate.backend.bbb.BbbStandIn;
import org.roomgate.backend.livekit.TwirpStandIn;
import org.roomgate.database.ConferenceSchemaMark;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.Sql;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sweep against the BigBlueButton and LiveKit stand-ins: a room forgotten as in a database
 * crash (its row deleted behind the service's back) has its meeting ended; an open room's meeting
 * and another application's meeting on the same server stay; two sweeps at once end it once.
 */
@QuarkusTest
class MeetingSweepTest {

    static final String BBB_SECRET = "8f0a3c2e-6d1b-4e7a-9c5f-2b8d4a6e1c3f";
    static final List<String> FEATURES = List.of("AUDIO", "VIDEO", "CHAT");

    static BbbStandIn bbb;
    static TwirpStandIn liveKit;

    @Inject
    MeetingSweep sweep;

    @Inject
    ConferenceSchemaMark mark;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void startStandIns() throws Exception {
        bbb = BbbStandIn.start(BBB_SECRET);
        liveKit = new TwirpStandIn();
    }

    @AfterAll
    static void stopStandIns() {
        bbb.close();
        liveKit.close();
    }

    @Test
    void shouldEndTheBbbMeetingOfAForgottenRoomAndNothingElse() {
        Platform platform = bbbTenant();
        String kept = roomWithMeeting(platform);
        String forgotten = roomWithMeeting(platform);
        String foreign = "Elternabend-" + UUID.randomUUID();
        bbb.foreignMeeting(foreign);
        String otherTenantsLookalike = "other-school--" + UUID.randomUUID();
        bbb.foreignMeeting(otherTenantsLookalike);
        assertTrue(bbb.isRunning(meetingId(platform, forgotten)));
        double endedBefore = endedCount("bigbluebutton");

        assertEquals(0, sweep.sweep(platform.tenantId()), "every roomgate meeting has its open room");
        forget(forgotten);
        assertEquals(1, sweep.sweep(platform.tenantId()));

        assertFalse(bbb.isRunning(meetingId(platform, forgotten)), "the forgotten room's meeting is ended");
        assertTrue(bbb.isRunning(meetingId(platform, kept)), "an open room's meeting stays");
        assertTrue(bbb.isRunning(foreign), "another application's meeting stays");
        assertTrue(bbb.isRunning(otherTenantsLookalike), "a meeting of a name roomgate gives another tenant stays");
        assertEquals(endedBefore + 1, endedCount("bigbluebutton"));
        assertEquals(0, sweep.sweep(platform.tenantId()), "an ended meeting is not listed again");
    }

    @Test
    void shouldEndAForgottenMeetingOnceWhenTwoInstancesSweepAtOnce() throws Exception {
        Platform platform = bbbTenant();
        String forgotten = roomWithMeeting(platform);
        forget(forgotten);
        int endsBefore = bbb.ends.size();
        int ended = twiceAtOnce(() -> sweep.sweep(platform.tenantId())).stream().mapToInt(Integer::intValue).sum();

        assertFalse(bbb.isRunning(meetingId(platform, forgotten)));
        assertEquals(endsBefore + 1, bbb.ends.size(), "the server ended it once; the second end found it gone");
        assertTrue(ended >= 1 && ended <= 2, "each sweep counts what it saw ended: " + ended);
    }

    @Test
    void shouldDeleteTheLiveKitRoomOfAForgottenRoomAndKeepOthers() {
        Platform platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", liveKit.apiUrl(), "apiKey", "APIsweep",
                "apiSecret", "sweep-secret-0123456789abcdef0123456789")).put("/api/v1/tenants/{t}/backend", platform.tenantId())
                .then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", FEATURES, ALL_PURPOSES);
        String kept = newRoom(platform.key(), "LESSON", 30, FEATURES);
        String forgotten = newRoom(platform.key(), "LESSON", 30, FEATURES);
        join(platform.key(), kept, "p-1", "PUPIL");
        join(platform.key(), forgotten, "p-1", "PUPIL");
        liveKit.foreignRoom("town-hall");
        double endedBefore = endedCount("livekit");

        forget(forgotten);
        assertEquals(1, sweep.sweep(platform.tenantId()));

        assertFalse(liveKit.hasRoom(meetingId(platform, forgotten)));
        assertTrue(liveKit.hasRoom(meetingId(platform, kept)));
        assertTrue(liveKit.hasRoom("town-hall"));
        assertEquals(endedBefore + 1, endedCount("livekit"));
    }

    @Test
    void shouldTellExactlyOneInstanceThatTheConferenceSchemaWasEmptied() throws Exception {
        assertFalse(mark.restoreIfEmptied(), "the migration wrote the mark");
        new Sql(dataSource).update("DELETE FROM conference.schema_mark");
        assertEquals(1, twiceAtOnce(mark::restoreIfEmptied).stream().filter(Boolean::booleanValue).count());
        assertFalse(mark.restoreIfEmptied(), "written back");
    }

    /** Runs the work on two threads released together, as two instances would; returns both results. */
    private static <T> List<T> twiceAtOnce(Supplier<T> work) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<T>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return work.get();
        })).toList();
        return runs.stream().map(CompletableFuture::join).toList();
    }

    private Platform bbbTenant() {
        Platform platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", bbb.url(), "secret", BBB_SECRET))
                .put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        grantConsent(platform.key(), "t-1", "2020-11-19", FEATURES, ALL_PURPOSES);
        return platform;
    }

    /** A room whose first join (a teacher) created its meeting on the server. */
    private String roomWithMeeting(Platform platform) {
        String room = newRoom(platform.key(), "LESSON", 30, FEATURES);
        join(platform.key(), room, "t-1", "TEACHER");
        assertTrue(bbb.isRunning(meetingId(platform, room)));
        return room;
    }

    /** What a crash does to one room: its row and everything hanging on it are gone. */
    private void forget(String room) {
        assertEquals(1, new Sql(dataSource).update("DELETE FROM conference.room WHERE id = ?", UUID.fromString(room)));
    }

    private double endedCount(String backend) {
        var counter = registry.find("roomgate.reconcile.meetings.ended").tag("backend", backend).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String meetingId(Platform platform, String room) {
        return platform.tenantId() + "--" + room;
    }
}
