package org.roomgate.retention;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.TestClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ShortRetentionProfile.class)
class RetentionTest {

    @Inject
    TestClock clock;

    @Inject
    PurgeService purge;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldKeepAttendanceOfOpenRoomPastTheWindow() {
        var platform = newPlatformWithPolicy();
        String room = roomWithPupil(platform.key(), "Raum " + UUID.randomUUID(), "Anna " + UUID.randomUUID());

        clock.advance(Duration.ofMinutes(10));
        purge.purgeRooms(PurgeJob.BATCH);

        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void shouldPurgeClosedRoomWithinWindowPlusOneIntervalAndLeaveNoNames() throws Exception {
        var platform = newPlatformWithPolicy();
        String roomName = "Raum " + UUID.randomUUID();
        String displayName = "Anna " + UUID.randomUUID();
        String room = roomWithPupil(platform.key(), roomName, displayName);
        assertEquals(2, occurrences(roomName, displayName), "the room and the pupil are stored");

        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        long closedAt = System.nanoTime();
        // The real scheduler purges: window 5 s, interval 1 s.
        while (as(platform.key()).get("/api/v1/rooms/{r}", room).then().extract().statusCode() == 200) {
            assertTrue(System.nanoTime() - closedAt < Duration.ofSeconds(15).toNanos(), "not purged within 15 s");
            Thread.sleep(250);
        }
        long purgedAfterMillis = Duration.ofNanos(System.nanoTime() - closedAt).toMillis();
        assertTrue(purgedAfterMillis >= 4_500, "purged before the window ended: " + purgedAfterMillis + " ms");
        assertTrue(purgedAfterMillis <= 5_000 + 1_000 + 2_000, "purged too late: " + purgedAfterMillis + " ms");

        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(404);
        assertEquals(0, occurrences(roomName, displayName));
    }

    @Test
    void shouldPurgeEvenOpenRoomSevenDaysAfterItWasRecorded() {
        var platform = newPlatformWithPolicy();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Dauerraum", "purpose", "LESSON", "maxDuration", "P7D"));
        String room = as(platform.key()).body(body).post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        as(platform.key()).body(joinBody("t-1", "TEACHER")).post("/api/v1/rooms/{r}/join", room).then().statusCode(200);

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        purge.purgeRooms(PurgeJob.BATCH);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().statusCode(200).body("state", equalTo("OPEN"));

        clock.advance(Duration.ofMinutes(2));
        purge.purgeRooms(PurgeJob.BATCH);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().statusCode(404);
    }

    @Test
    void shouldPurgeJoinDenialsPastTheWindow() {
        var platform = newPlatformWithPolicy();
        String room = as(platform.key()).body(Map.of("name", "x", "purpose", "LESSON")).post("/api/v1/rooms")
                .then().statusCode(201).extract().path("id");
        as(platform.key()).body(joinBody("p-none", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(403);
        as(platform.key()).get("/api/v1/stats").then().body("denialsToday.consent-missing", equalTo(1));

        clock.advance(Duration.ofSeconds(6));
        purge.purgeDenials();

        as(platform.key()).get("/api/v1/stats").then().body("denialsToday.consent-missing", equalTo(null));
    }

    private String roomWithPupil(String platformKey, String roomName, String displayName) {
        grantConsent(platformKey, "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String room = as(platformKey).body(Map.of("name", roomName, "purpose", "LESSON")).post("/api/v1/rooms")
                .then().statusCode(201).extract().path("id");
        as(platformKey).body(Map.of("subjectId", "p-1", "displayName", displayName, "role", "PUPIL"))
                .post("/api/v1/rooms/{r}/join", room).then().statusCode(200);
        return room;
    }

    /** Rows anywhere in the conference schema that still hold the room's name or the pupil's. */
    private int occurrences(String roomName, String displayName) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM conference.room WHERE name = ?)
                             + (SELECT count(*) FROM conference.participation WHERE display_name = ?)""")) {
            s.setString(1, roomName);
            s.setString(2, displayName);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
