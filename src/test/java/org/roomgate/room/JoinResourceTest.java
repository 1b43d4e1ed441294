package org.roomgate.room;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;
import static org.roomgate.support.Api.publishPolicy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.TestClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JoinResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEFAULT_VERSION = "2020-11-19";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    AutoCloseJob autoClose;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldDenyPupilWithoutConsentAndCountTheDenial() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:consent-missing"))
                .body("rule", equalTo("R1"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
        as(platform.key()).get("/api/v1/stats").then().body("denialsToday.consent-missing", equalTo(1));
    }

    @Test
    void shouldDenyPupilWhoseConsentDoesNotCoverPurpose() {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, ALL_SCOPES, List.of("LESSON"));
        String room = newRoom(platform.key(), "ONE_TO_ONE", 2, ALL_SCOPES);
        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:consent-purpose"))
                .body("rule", equalTo("R3"));
    }

    @Test
    void shouldDenyPupilWithOutdatedConsent() {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        publishPolicy(platform.key(), "2023-01-01", true);
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:consent-outdated"));
    }

    @Test
    void shouldGivePupilRoomFeaturesIntersectedWithConsent() throws Exception {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, List.of("AUDIO", "CHAT", "FILES"), ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 5, List.of("VIDEO", "AUDIO", "CHAT"));

        var joined = join(platform.key(), room, "p-1", "PUPIL");
        assertEquals(List.of("AUDIO", "CHAT"), joined.path("capabilities"));
        assertEquals(joined.<String>path("participationId"), claims(joined.path("token")).get("sub").asText());
        assertEquals(List.of("AUDIO", "CHAT"), List.of(claims(joined.path("token")).get("caps").get(0).asText(),
                claims(joined.path("token")).get("caps").get(1).asText()));
        org.junit.jupiter.api.Assertions.assertNotNull(joined.path("expiresAt"));

        var teacher = join(platform.key(), room, "t-1", "TEACHER");
        assertEquals(List.of("VIDEO", "AUDIO", "CHAT", "MODERATE"), teacher.path("capabilities"));
        assertEquals("TEACHER", claims(teacher.path("token")).get("role").asText());
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(2));
    }

    @Test
    void shouldReturnOpenParticipationOnRejoinWithoutDoubleCounting() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        var first = join(platform.key(), room, "t-1", "TEACHER");
        var second = join(platform.key(), room, "t-1", "TEACHER");
        assertEquals(first.<String>path("participationId"), second.path("participationId"));
        assertNotEquals(first.<String>path("token"), second.path("token"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("", hasSize(1));
    }

    @Test
    void shouldRefuseJoinIntoFullRoomWithRuleR10() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "ONE_TO_ONE", 2, ALL_SCOPES);
        join(platform.key(), room, "t-1", "TEACHER");
        join(platform.key(), room, "t-2", "TEACHER");
        as(platform.key()).body(joinBody("t-3", "TEACHER")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:room-full"))
                .body("rule", equalTo("R10"));
        as(platform.key()).get("/api/v1/stats").then().body("denialsToday.room-full", equalTo(1));
    }

    @Test
    void shouldAdmitExactlyTheLimitUnderConcurrentJoins() throws Exception {
        var platform = newPlatformWithPolicy();
        for (int i = 0; i < 24; i++) {
            grantConsent(platform.key(), "p-" + i, DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        }
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String subject = "p-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return as(platform.key()).body(joinBody(subject, "PUPIL")).post("/api/v1/rooms/{r}/join", room)
                        .then().extract().statusCode();
            }));
        }
        start.countDown();
        int admitted = 0;
        int full = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            if (status == 200) {
                admitted++;
            } else if (status == 409) {
                full++;
            }
        }
        pool.shutdown();
        assertEquals(5, admitted);
        assertEquals(19, full);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then()
                .body("participantsNow", equalTo(5)).body("peakParticipants", equalTo(5));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("", hasSize(5));
    }

    @Test
    void shouldEndParticipationsAndRefuseTokenWhenConsentIsWithdrawn() {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String token = join(platform.key(), room, "p-1", "PUPIL").path("token");
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200).body("token", notNullValue());

        as(platform.key()).delete("/api/v1/subjects/{s}/consent", "p-1").then().statusCode(204);

        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .body("leaveReason", contains("CONSENT_WITHDRAWN"))
                .body("[0].leftAt", notNullValue());
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:unauthenticated"));
        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:consent-missing"));
    }

    @Test
    void shouldNarrowOpenParticipationWhenConsentOrRoomChanges() {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String token = join(platform.key(), room, "p-1", "PUPIL").path("token");

        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, List.of("AUDIO", "CHAT"), ALL_PURPOSES);
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200)
                .body("capabilities", contains("AUDIO", "CHAT"));

        as(platform.key()).body(Map.of("features", List.of("CHAT", "VIDEO"))).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(200);
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200)
                .body("capabilities", contains("CHAT"));
    }

    @Test
    void shouldEndThePupilAndIssueNoFreshTokenOnceItsConsentNoLongerCounts() {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String pupil = join(platform.key(), room, "p-1", "PUPIL").path("token");
        String teacher = join(platform.key(), room, "t-1", "TEACHER").path("token");
        as(pupil).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);

        publishPolicy(platform.key(), "2024-08-01", true);

        // The publication ended the participation (CONSENT_OUTDATED): the token no longer counts at all.
        as(pupil).post("/api/v1/rooms/{r}/token", room).then().statusCode(401);
        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(403)
                .body("type", equalTo("urn:roomgate:problem:consent-outdated"));
        as(teacher).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
    }

    @Test
    void shouldLeaveIdempotently() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String participation = join(platform.key(), room, "t-1", "TEACHER").path("participationId");
        as(platform.key()).body(Map.of("participationId", participation)).post("/api/v1/rooms/{r}/leave", room)
                .then().statusCode(204);
        as(platform.key()).body(Map.of("participationId", participation)).post("/api/v1/rooms/{r}/leave", room)
                .then().statusCode(204);
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .body("leaveReason", contains("LEFT"))
                .body("[0].subjectId", equalTo("t-1"))
                .body("[0].displayName", equalTo("Max M."))
                .body("[0].role", equalTo("TEACHER"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
        as(platform.key()).body(Map.of("participationId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(404);
        as(platform.key()).body(Map.of("participationId", "not-a-uuid")).post("/api/v1/rooms/{r}/leave", room)
                .then().statusCode(400).body("errors.field", contains("participationId"));
    }

    @Test
    void shouldRefuseJoinIntoClosedRoomAndTokensOfIt() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String otherRoom = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String token = join(platform.key(), room, "t-1", "TEACHER").path("token");
        as(token).post("/api/v1/rooms/{r}/token", otherRoom).then().statusCode(403)
                .body("type", equalTo("urn:roomgate:problem:forbidden"));

        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);

        as(platform.key()).body(joinBody("t-2", "TEACHER")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(409).body("type", equalTo("urn:roomgate:problem:room-closed"));
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(410)
                .body("type", equalTo("urn:roomgate:problem:room-closed"));
    }

    @Test
    void shouldRejectInvalidJoinRequest() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        as(platform.key()).body(Map.of("subjectId", "bad id", "displayName", "", "role", "HEADMASTER"))
                .post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("role"));
        as(platform.key()).body(Map.of("subjectId", "bad id", "displayName", "", "role", "PUPIL"))
                .post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("subjectId", "displayName"));
        as(platform.key()).body(joinBody("t-1", "TEACHER")).post("/api/v1/rooms/{r}/join", java.util.UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:roomgate:problem:not-found"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
    }

    @Test
    void shouldNeverStoreClientIpOrUserAgent() throws SQLException {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        join(platform.key(), room, "t-1", "TEACHER");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT p.*, r.* FROM conference.participation p "
                        + "JOIN conference.room r ON r.id = p.room_id WHERE r.id = '" + room + "'")) {
            assertFalse(!rows.next());
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                String value = rows.getString(i);
                if (value != null) {
                    assertFalse(value.contains("203.0.113.77"), "IP stored in column " + i);
                    assertFalse(value.contains("TestBrowser"), "user agent stored in column " + i);
                }
            }
        }
    }

    @Test
    void shouldAutoCloseIdleAndOverlongRooms() {
        var platform = newPlatformWithPolicy();
        String idle = as(platform.key()).body(Map.of("name", "idle", "purpose", "LESSON", "idleTimeout", "PT10M",
                "maxDuration", "PT8H")).post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        String busy = as(platform.key()).body(Map.of("name", "busy", "purpose", "LESSON", "idleTimeout", "PT10M",
                "maxDuration", "PT1H")).post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        join(platform.key(), busy, "t-1", "TEACHER");

        clock.advance(Duration.ofMinutes(11));
        autoClose.closeDueRooms();
        as(platform.key()).get("/api/v1/rooms/{r}", idle).then()
                .body("state", equalTo("CLOSED")).body("closeReason", equalTo("IDLE_TIMEOUT"));
        as(platform.key()).get("/api/v1/rooms/{r}", busy).then().body("state", equalTo("OPEN"));

        clock.advance(Duration.ofMinutes(50));
        autoClose.closeDueRooms();
        as(platform.key()).get("/api/v1/rooms/{r}", busy).then()
                .body("state", equalTo("CLOSED")).body("closeReason", equalTo("MAX_DURATION"))
                // 61 minutes on the moved clock, plus the seconds the test itself took on a loaded machine.
                .body("durationSeconds", both(greaterThanOrEqualTo(3660)).and(lessThan(3720)));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", busy).then().body("leaveReason", contains("MAX_DURATION"));
    }

    @Test
    void shouldExportAndEraseParticipationsOfSubject() {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        join(platform.key(), room, "p-1", "PUPIL");
        as(platform.key()).get("/api/v1/subjects/{s}/data", "p-1").then().statusCode(200)
                .body("participations", hasSize(1))
                .body("participations[0].roomId", equalTo(room));

        as(platform.key()).delete("/api/v1/subjects/{s}", "p-1").then().statusCode(200)
                .body("deleted.consents", equalTo(1))
                .body("deleted.participations", equalTo(1));

        as(platform.key()).get("/api/v1/subjects/{s}/data", "p-1").then()
                .body("participations", hasSize(0)).body("consents", hasSize(0));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(0));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("subjectId", not(contains("p-1")));
    }

    @Test
    void shouldReportStatsOfTenant() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        join(platform.key(), room, "t-1", "TEACHER");
        join(platform.key(), room, "t-2", "TEACHER");
        as(platform.key()).get("/api/v1/stats").then().statusCode(200)
                .body("openRooms", equalTo(2))
                .body("participantsNow", equalTo(2))
                .body("joinsToday", equalTo(2))
                .body("wipesPending", equalTo(0))
                .body("oldestMetadataAgeSeconds", notNullValue());
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
