package org.roomgate.backend;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roomgate.backend.bbb.BbbStandIn;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.TricklingServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * One school's slow server delays only that school: tenant A's BigBlueButton is a
 * {@link TricklingServer} (headers at once, then one byte per second), tenant B's is the
 * BigBlueButton stand-in. The test profile bounds a call at {@code call-timeout=PT2S} and lets a
 * tenant's requests wait in at most {@code request-calls-per-tenant=2} backend calls at once.
 */
@QuarkusTest
class BackendIsolationTest {

    static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    static final List<String> FEATURES = List.of("AUDIO", "VIDEO");
    /** The call deadline of the test profile plus room for a slow machine, far below the trickle. */
    static final Duration BOUND = Duration.ofSeconds(5);
    /** Rooms of A closed at once: one after another, their calls hold A's lane for this many deadlines. */
    static final int OWED_TO_A = 4;

    static TricklingServer slow;
    static BbbStandIn standIn;

    @BeforeAll
    static void startServers() throws Exception {
        slow = new TricklingServer();
        standIn = BbbStandIn.start(SECRET);
    }

    @AfterAll
    static void stopServers() {
        slow.close();
        standIn.close();
    }

    @Test
    void shouldEndAnotherSchoolsMeetingWhileOneSchoolsServerTrickles() {
        Platform a = onBigBlueButton(slow.url() + "bigbluebutton/");
        Platform b = onBigBlueButton(standIn.url());
        String roomB = newRoom(b.key(), "LESSON", 5, FEATURES);
        join(b.key(), roomB, "t-1", "TEACHER");
        List<String> roomsA = IntStream.range(0, OWED_TO_A).mapToObj(i -> newRoom(a.key(), "LESSON", 5, FEATURES)).toList();
        long endsBefore = slow.requests("/end");

        // Calls owed to A, performed one after another, each holding A's lane until the deadline.
        roomsA.forEach(room -> as(a.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200));
        await().atMost(BOUND).until(() -> slow.requests("/end") > endsBefore);

        long start = System.nanoTime();
        as(b.key()).post("/api/v1/rooms/{r}/close", roomB).then().statusCode(200);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> as(b.key())
                .get("/api/v1/rooms/{r}/wipe-receipt", roomB).then().body("backendEndedAt", notNullValue()));
        long sentToA = slow.requests("/end") - endsBefore;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(standIn.ends.contains(b.tenantId() + "--" + roomB));
        // Behind A's calls, B's end would come after every one of them had been sent.
        assertTrue(sentToA < OWED_TO_A, "B's end waited for A's calls: " + sentToA + " sent, B took " + took);
    }

    @Test
    void shouldAnswerAJoinIntoASlowServersRoomWithinTheDeadline() {
        Platform a = onBigBlueButton(slow.url() + "bigbluebutton/");
        String room = newRoom(a.key(), "LESSON", 5, FEATURES);

        long start = System.nanoTime();
        String joinUrl = join(a.key(), room, "t-1", "TEACHER").path("backend.joinUrl");
        assertWithin(start, "join");

        // The admission stands; entering tries the create again and fails within the bound too.
        start = System.nanoTime();
        URI link = URI.create(joinUrl);
        RestAssured.given().redirects().follow(false).urlEncodingEnabled(false)
                .get(link.getRawPath() + "?" + link.getRawQuery())
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:roomgate:problem:unavailable"));
        assertWithin(start, "enter");
    }

    @Test
    void shouldRefuseAJoinAtOnceWhileTheSchoolsCallsFillItsShare() throws Exception {
        Platform a = onBigBlueButton(slow.url() + "bigbluebutton/");
        Platform b = onBigBlueButton(standIn.url());
        String roomA = newRoom(a.key(), "LESSON", 5, FEATURES);
        String roomB = newRoom(b.key(), "LESSON", 5, FEATURES);
        long createsBefore = slow.requests("/create");
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> waiting = List.of("t-1", "t-2").stream()
                    .map(subject -> CompletableFuture.supplyAsync(() -> joinTeacher(a, roomA, subject).statusCode(), browsers))
                    .toList();
            await().atMost(BOUND).until(() -> slow.requests("/create") - createsBefore == 2);

            long start = System.nanoTime();
            joinTeacher(a, roomA, "t-3").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:roomgate:problem:unavailable"));
            Duration refused = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(refused.compareTo(BOUND) < 0, "refused without waiting for A's server: " + refused);
            assertEquals(2, slow.requests("/create") - createsBefore, "the refused join did not call A's server");

            start = System.nanoTime();
            joinTeacher(b, roomB, "t-1").then().statusCode(200);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BOUND) < 0,
                    "B's join does not wait for A's calls");
            for (CompletableFuture<Integer> join : waiting) {
                assertEquals(200, join.get(), "the admission stands; the meeting is created on entering");
            }
        } finally {
            browsers.shutdownNow();
        }
    }

    private static Platform onBigBlueButton(String url) {
        Platform platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", url, "secret", SECRET, "checksum", "SHA256"))
                .put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        return platform;
    }

    private static Response joinTeacher(Platform platform, String room, String subject) {
        return as(platform.key()).body(joinBody(subject, "TEACHER")).post("/api/v1/rooms/{r}/join", room);
    }

    private static void assertWithin(long startNanos, String what) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(BOUND) < 0, what + " took " + took + "; the server trickles for "
                + TricklingServer.TRICKLE_SECONDS + " s");
    }
}
