package org.roomgate.room;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.roomgate.support.HeldRoom;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The races of issue 10, each lined up deterministically behind a room lock held by a second
 * connection (as a busy room holds it), run 20 times: after every request has committed, no
 * participation may be open that the consent no longer allows (R1, R2), and the room's count
 * must equal its open participations (R10).
 */
@QuarkusTest
class AdmissionRaceTest {

    private static final int ROUNDS = 20;
    private static final String V1 = "2020-11-19";
    private static final ExecutorService REQUESTS = Executors.newFixedThreadPool(4);

    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void stopRequests() {
        REQUESTS.shutdownNow();
    }

    @Test
    void shouldNeverLeaveInsideAPupilWhoseConsentWasWithdrawnDuringTheJoin() throws Exception {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 50, ALL_SCOPES);
        for (int i = 0; i < ROUNDS; i++) {
            String pupil = "p-" + i;
            grantConsent(platform.key(), pupil, V1, ALL_SCOPES, ALL_PURPOSES);
            Race<Integer> race = joinRacing(platform.key(), room, pupil,
                    () -> as(platform.key()).delete("/api/v1/subjects/{s}/consent", pupil).then().extract().statusCode());
            assertEquals(204, race.meanwhile());
            ExtractableResponse<Response> join = race.join();
            assertEquals(0, openOf(room, pupil), "round " + i + ": the pupil stays inside after the withdrawal");
            if (join.statusCode() == 200) {
                as(join.<String>path("token")).body(Map.of("text", "noch da")).post("/api/v1/rooms/{r}/chat", room)
                        .then().statusCode(401);
            } else {
                assertEquals(403, join.statusCode());
            }
        }
        assertCountMatchesOpenRows(room);
    }

    @Test
    void shouldNeverLetAJoinKeepScopesThatTheConsentNarrowedMeanwhile() throws Exception {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 50, ALL_SCOPES);
        for (int i = 0; i < ROUNDS; i++) {
            String pupil = "p-" + i;
            grantConsent(platform.key(), pupil, V1, ALL_SCOPES, ALL_PURPOSES);
            Race<Integer> race = joinRacing(platform.key(), room, pupil,
                    () -> as(platform.key()).body(org.roomgate.support.Api.consent(V1, List.of("AUDIO"), ALL_PURPOSES))
                            .put("/api/v1/subjects/{s}/consent", pupil).then().extract().statusCode());
            assertEquals(200, race.meanwhile());
            ExtractableResponse<Response> join = race.join();
            assertEquals(200, join.statusCode());
            assertEquals(List.of("AUDIO"), capabilitiesOf(room, pupil), "round " + i + ": capabilities beyond the consent");
            as(join.<String>path("token")).body(Map.of("text", "Chat ohne Einwilligung")).post("/api/v1/rooms/{r}/chat", room)
                    .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:capability-missing"));
        }
    }

    @Test
    void shouldGiveParallelRejoinsOfOnePupilTheSameParticipation() throws Exception {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 50, ALL_SCOPES);
        for (int i = 0; i < ROUNDS; i++) {
            String pupil = "p-" + i;
            grantConsent(platform.key(), pupil, V1, ALL_SCOPES, ALL_PURPOSES);
            String first = join(platform.key(), room, pupil, "PUPIL").path("participationId");
            as(platform.key()).body(Map.of("participationId", first)).post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
            List<CompletableFuture<ExtractableResponse<Response>>> rejoins = new ArrayList<>();
            try (HeldRoom held = HeldRoom.lock(dataSource, room)) {
                for (int j = 1; j <= 2; j++) {
                    rejoins.add(async(() -> as(platform.key()).body(joinBody(pupil, "PUPIL"))
                            .post("/api/v1/rooms/{r}/join", room).then().extract()));
                    held.awaitWaiting(j);
                }
            }
            ExtractableResponse<Response> a = rejoins.get(0).get();
            ExtractableResponse<Response> b = rejoins.get(1).get();
            assertEquals(200, a.statusCode(), "round " + i + ": " + a.body().asString());
            assertEquals(200, b.statusCode(), "round " + i + ": " + b.body().asString());
            assertEquals(a.<String>path("participationId"), b.<String>path("participationId"));
            assertEquals(1, openOf(room, pupil));
        }
        assertCountMatchesOpenRows(room);
    }

    @Test
    void shouldEndPupilsAtOnceWhenAPolicyVersionRequiresReconsent() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        grantConsent(platform.key(), "p-1", V1, ALL_SCOPES, ALL_PURPOSES);
        String pupil = join(platform.key(), room, "p-1", "PUPIL").path("token");
        join(platform.key(), room, "t-1", "TEACHER");

        publishPolicy(platform.key(), "2021-08-01", false);
        as(pupil).body(Map.of("text", "noch gültig")).post("/api/v1/rooms/{r}/chat", room).then().statusCode(201);

        publishPolicy(platform.key(), "2022-08-01", true);
        as(pupil).body(Map.of("text", "veraltet")).post("/api/v1/rooms/{r}/chat", room).then().statusCode(401);
        as(pupil).get("/api/v1/rooms/{r}/chat", room).then().statusCode(401);
        as(pupil).post("/api/v1/rooms/{r}/token", room).then().statusCode(401);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .body("find { it.subjectId == 'p-1' }.leaveReason", equalTo("CONSENT_OUTDATED"))
                .body("findAll { it.leftAt == null }.subjectId", contains("t-1"));
    }

    @Test
    void shouldNeverAdmitWithAConsentThatAPolicyPublishedDuringTheJoinOutdated() throws Exception {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 50, ALL_SCOPES);
        String current = V1;
        for (int i = 0; i < ROUNDS; i++) {
            String pupil = "p-" + i;
            String next = "v-" + i;
            grantConsent(platform.key(), pupil, current, ALL_SCOPES, ALL_PURPOSES);
            Race<Integer> race = joinRacing(platform.key(), room, pupil,
                    () -> as(platform.key()).body(Map.of("version", next, "title", "Nutzungsordnung",
                            "url", "https://schule.example/n.pdf", "reconsentRequired", true)).put("/api/v1/policy")
                            .then().extract().statusCode());
            assertEquals(200, race.meanwhile());
            assertEquals(0, openOf(room, pupil), "round " + i + ": admitted with an outdated consent");
            current = next;
        }
        assertCountMatchesOpenRows(room);
    }

    @Test
    void shouldFreeEachPlaceOnceWhenLeaveRacesWithdrawalOrErasure() throws Exception {
        var platform = newPlatformWithPolicy();
        for (int i = 0; i < ROUNDS; i++) {
            String room = newRoom(platform.key(), "LESSON", 2, ALL_SCOPES);
            String pupil = "p-" + i;
            grantConsent(platform.key(), pupil, V1, ALL_SCOPES, ALL_PURPOSES);
            join(platform.key(), room, "t-1", "TEACHER");
            String participation = join(platform.key(), room, pupil, "PUPIL").path("participationId");
            boolean erase = i % 2 == 1;
            CompletableFuture<Integer> left;
            CompletableFuture<Integer> ended;
            try (HeldRoom held = HeldRoom.lock(dataSource, room)) {
                left = async(() -> as(platform.key()).body(Map.of("participationId", participation))
                        .post("/api/v1/rooms/{r}/leave", room).then().extract().statusCode());
                held.awaitWaiting(1);
                ended = async(() -> (erase ? as(platform.key()).delete("/api/v1/subjects/{s}", pupil)
                        : as(platform.key()).delete("/api/v1/subjects/{s}/consent", pupil)).then().extract().statusCode());
                held.awaitWaiting(2);
            }
            assertEquals(204, left.get());
            assertEquals(erase ? 200 : 204, ended.get());
            assertEquals(1, participantsNow(room), "round " + i + ": the place was freed twice");
            assertCountMatchesOpenRows(room);
            as(platform.key()).body(joinBody("t-2", "TEACHER")).post("/api/v1/rooms/{r}/join", room).then().statusCode(200);
            as(platform.key()).body(joinBody("t-3", "TEACHER")).post("/api/v1/rooms/{r}/join", room).then().statusCode(409)
                    .body("type", equalTo("urn:roomgate:problem:room-full"));
        }
    }

    @Test
    void shouldKeepTheCountEqualToOpenParticipationsAfterAStorm() throws Exception {
        var platform = newPlatformWithPolicy();
        ExecutorService storm = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String room = newRoom(platform.key(), "LESSON", 6, ALL_SCOPES);
                List<String> participations = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    grantConsent(platform.key(), "s" + round + "-" + i, V1, ALL_SCOPES, ALL_PURPOSES);
                    participations.add(join(platform.key(), room, "s" + round + "-" + i, "PUPIL").path("participationId"));
                }
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String subject = "s" + round + "-" + i;
                    String participation = participations.get(i);
                    calls.add(CompletableFuture.supplyAsync(() -> as(platform.key()).body(Map.of("participationId", participation))
                            .post("/api/v1/rooms/{r}/leave", room).then().extract().statusCode(), storm));
                    calls.add(CompletableFuture.supplyAsync(() -> (subject.endsWith("0") || subject.endsWith("3")
                            ? as(platform.key()).delete("/api/v1/subjects/{s}", subject)
                            : as(platform.key()).delete("/api/v1/subjects/{s}/consent", subject)).then().extract().statusCode(), storm));
                    calls.add(CompletableFuture.supplyAsync(() -> as(platform.key()).body(joinBody("t-" + subject, "TEACHER"))
                            .post("/api/v1/rooms/{r}/join", room).then().extract().statusCode(), storm));
                }
                // 404: a leave after the erasure deleted the participation; 409: the room was full.
                for (CompletableFuture<Integer> call : calls) {
                    assertTrue(List.of(200, 204, 404, 409).contains(call.get()), "unexpected status " + call.get());
                }
                assertCountMatchesOpenRows(room);
                assertTrue(participantsNow(room) <= 6);
            }
        } finally {
            storm.shutdownNow();
        }
    }

    @Test
    void shouldRefuseALimitBelowTheParticipantsInsideEvenWhenAJoinComesFirst() throws Exception {
        var platform = newPlatformWithPolicy();
        for (int i = 0; i < ROUNDS; i++) {
            String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
            for (int t = 0; t < 3; t++) {
                join(platform.key(), room, "t-" + t, "TEACHER");
            }
            CompletableFuture<Integer> joined;
            CompletableFuture<ExtractableResponse<Response>> patched;
            try (HeldRoom held = HeldRoom.lock(dataSource, room)) {
                joined = async(() -> as(platform.key()).body(joinBody("t-3", "TEACHER")).post("/api/v1/rooms/{r}/join", room)
                        .then().extract().statusCode());
                held.awaitWaiting(1);
                patched = async(() -> as(platform.key()).body(Map.of("maxParticipants", 3)).patch("/api/v1/rooms/{r}", room)
                        .then().extract());
                held.awaitWaiting(2);
            }
            assertEquals(200, joined.get());
            ExtractableResponse<Response> patch = patched.get();
            assertEquals(409, patch.statusCode(), "round " + i + ": a limit below the 4 inside was accepted");
            assertEquals("R10", patch.path("rule"));
            assertEquals(5, maxParticipants(room), "the refused change changed nothing");
            assertTrue(participantsNow(room) <= maxParticipants(room));
        }
    }

    /**
     * A pupil's join waits behind a held room lock; then {@code meanwhile} is sent and either
     * finishes or waits too; then the room is let go and both run to the end.
     */
    private <T> Race<T> joinRacing(String key, String room, String pupil, Supplier<T> meanwhile) throws Exception {
        CompletableFuture<ExtractableResponse<Response>> joined;
        CompletableFuture<T> other;
        try (HeldRoom held = HeldRoom.lock(dataSource, room)) {
            joined = async(() -> as(key).body(joinBody(pupil, "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().extract());
            held.awaitWaiting(1);
            other = async(meanwhile);
            held.awaitWaitingOrDone(2, other);
        }
        return new Race<>(joined.get(), other.get());
    }

    private record Race<T>(ExtractableResponse<Response> join, T meanwhile) {
    }

    private static <T> CompletableFuture<T> async(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, REQUESTS);
    }

    private void assertCountMatchesOpenRows(String room) throws SQLException {
        long open = number("SELECT count(*) FROM conference.participation WHERE room_id = ?::uuid AND left_at IS NULL", room);
        assertEquals(open, participantsNow(room), "participantsNow drifted from the open participations");
    }

    private long openOf(String room, String subject) throws SQLException {
        return number("SELECT count(*) FROM conference.participation WHERE room_id = ?::uuid AND left_at IS NULL"
                + " AND subject_id = ?", room, subject);
    }

    private long participantsNow(String room) throws SQLException {
        return number("SELECT participants_now FROM conference.room WHERE id = ?::uuid", room);
    }

    private long maxParticipants(String room) throws SQLException {
        return number("SELECT max_participants FROM conference.room WHERE id = ?::uuid", room);
    }

    private List<String> capabilitiesOf(String room, String subject) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT capabilities FROM conference.participation WHERE room_id = ?::uuid AND subject_id = ? AND left_at IS NULL")) {
            s.setString(1, room);
            s.setString(2, subject);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), "the pupil is inside");
                List<String> capabilities = List.of((String[]) rows.getArray(1).getArray());
                assertFalse(rows.next());
                return capabilities;
            }
        }
    }

    private long number(String sql, String... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
