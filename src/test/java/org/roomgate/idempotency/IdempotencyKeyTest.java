package org.roomgate.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.content.ContentFixture;
import org.roomgate.retention.PurgeService;
import org.roomgate.support.Api;
import org.roomgate.support.HeldRoom;
import org.roomgate.support.Sql;
import org.roomgate.support.TestClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Idempotency-Key on the writes (draft-ietf-httpapi-idempotency-key-header), through the real
 * stack: a retry gets the first answer and the database holds the effect once; another body with
 * the key is 422, the key of a request still running is 409, a malformed key is 400 and does
 * nothing; keys expire with the window, belong to one caller and go with their room.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String KEY = "Idempotency-Key";
    private static final ExecutorService REQUESTS = Executors.newFixedThreadPool(1);
    private static final Map<String, Object> ROOM = Map.of("name", "Klasse 3b Mathematik", "purpose", "LESSON",
            "maxParticipants", 10, "features", ALL_SCOPES);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    PurgeService purge;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stopRequests() {
        REQUESTS.shutdownNow();
    }

    @Test
    void shouldReplayAChatPostAndStoreItOnce() {
        var f = ContentFixture.create();
        String key = newKey();
        var first = chat(f, key, "Hallo");
        var retry = chat(f, key, "Hallo");
        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode(), retry.body().asString());
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals("true", retry.header(IdempotencyInterceptor.REPLAYED_HEADER));
        assertNull(first.header(IdempotencyInterceptor.REPLAYED_HEADER));
        assertEquals(1, chatMessages(f.roomId()));
        assertEquals(1, new Sql(dataSource).count("SELECT count(*) FROM conference.idempotency_key WHERE room_id = ?::uuid"
                + " AND sealed AND position(convert_to('Hallo', 'UTF8') in body) = 0", f.roomId()),
                "the stored answer quotes the chat text unencrypted (R6)");
    }

    @Test
    void shouldReplayAnUploadAndTellAnotherFileApart() {
        var f = ContentFixture.create();
        String key = newKey();
        byte[] sheet = "Aufgabe 1: 3 + 4 = ?".getBytes(StandardCharsets.UTF_8);
        var first = upload(f, key, sheet);
        var retry = upload(f, key, sheet);
        assertEquals(201, first.statusCode(), first.body().asString());
        assertEquals(201, retry.statusCode(), retry.body().asString());
        assertEquals(first.<String>path("id"), retry.path("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(422, upload(f, key, "Aufgabe 2: 5 + 6 = ?".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(1, new Sql(dataSource).count("SELECT count(*) FROM conference.room_file WHERE room_id = ?::uuid", f.roomId()));
    }

    @Test
    void shouldReplayALeaveWithoutABody() {
        var f = ContentFixture.create();
        String participation = as(f.platformKey()).get("/api/v1/rooms/{r}/attendance", f.roomId()).then().extract()
                .path("find { it.subjectId == 'p-1' }.participationId");
        String key = newKey();
        for (int attempt = 0; attempt < 2; attempt++) {
            var left = as(f.platformKey()).header(KEY, key).body(Map.of("participationId", participation))
                    .post("/api/v1/rooms/{r}/leave", f.roomId()).then().extract();
            assertEquals(204, left.statusCode());
            assertEquals(attempt == 0 ? null : "true", left.header(IdempotencyInterceptor.REPLAYED_HEADER));
        }
    }

    @Test
    void shouldCreateOneRoomForARetriedCreateWithTheSameLocation() {
        var platform = newPlatformWithPolicy();
        String key = newKey();
        var first = createRoom(platform.key(), key, ROOM);
        var retry = createRoom(platform.key(), "\"" + key + "\"");
        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode(), retry.body().asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.<String>path("id"), retry.path("id"));
        assertEquals(1, rooms(platform.tenantId()));
        assertEquals(1, storedAnswers(first.path("id")), "the creation's answer goes with its room");
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        var f = ContentFixture.create();
        String key = newKey();
        assertEquals(201, chat(f, key, "Hallo").statusCode());
        var other = chat(f, key, "Tschüss");
        assertEquals(422, other.statusCode());
        assertEquals("urn:roomgate:problem:idempotency-key-reused", other.path("type"));
        assertEquals("application/problem+json", other.contentType());
        assertEquals(1, chatMessages(f.roomId()));
    }

    @Test
    void shouldAnswer409WhileTheFirstRequestIsStillRunning() throws Exception {
        var f = ContentFixture.create();
        String key = newKey();
        CompletableFuture<ExtractableResponse<Response>> first;
        try (HeldRoom held = HeldRoom.lock(dataSource, f.roomId())) {
            // The first post has claimed the key and waits for the room behind the held lock.
            first = CompletableFuture.supplyAsync(() -> chat(f, key, "Hallo"), REQUESTS);
            held.awaitWaiting(1);
            var second = chat(f, key, "Hallo");
            assertEquals(409, second.statusCode(), second.body().asString());
            assertEquals("urn:roomgate:problem:idempotency-key-in-use", second.path("type"));
        }
        assertEquals(201, first.get().statusCode());
        var retry = chat(f, key, "Hallo");
        assertEquals(201, retry.statusCode());
        assertEquals(first.get().body().asString(), retry.body().asString());
        assertEquals(1, chatMessages(f.roomId()));
    }

    @Test
    void shouldAnswer409WhileAnotherInstanceHoldsTheKey() throws Exception {
        var platform = newPlatformWithPolicy();
        String key = newKey();
        String apiKeyId = as(Api.OPS_KEY).get("/api/v1/tenants/{t}/api-keys", platform.tenantId()).then().extract()
                .path("[0].id");
        var scope = new IdempotencyRecords.Scope(platform.tenantId(), "api-key:" + apiKeyId);
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement claim = otherInstance.prepareStatement(IdempotencyRecords.CLAIM)) {
                claim.setInt(1, IdempotencyRecords.LOCK_SPACE);
                claim.setInt(2, IdempotencyRecords.lockOf(scope, IdempotencyKey.parse(key)));
                try (ResultSet claimed = claim.executeQuery()) {
                    claimed.next();
                    assertTrue(claimed.getBoolean(1));
                }
            }
            var meanwhile = createRoom(platform.key(), key);
            assertEquals(409, meanwhile.statusCode(), meanwhile.body().asString());
            assertEquals("urn:roomgate:problem:idempotency-key-in-use", meanwhile.path("type"));
            assertEquals(0, rooms(platform.tenantId()));
            otherInstance.rollback();
        }
        assertEquals(201, createRoom(platform.key(), key).statusCode());
        assertEquals(1, rooms(platform.tenantId()));
    }

    @Test
    void shouldRefuseAMalformedKeyAndDoNothing() {
        var f = ContentFixture.create();
        for (String bad : List.of("", "a".repeat(256), "zwei worte", "\"halb", "back\\slash")) {
            var refused = chat(f, bad, "Hallo");
            assertEquals(400, refused.statusCode(), "key <" + bad + ">");
            assertEquals("urn:roomgate:problem:validation-failed", refused.path("type"));
            assertEquals(KEY, refused.path("errors[0].field"));
        }
        assertEquals(0, chatMessages(f.roomId()));
        assertEquals(201, chat(f, "a".repeat(255), "Hallo").statusCode());
    }

    @Test
    void shouldRunARequestAgainOnceTheWindowHasPassed() {
        var platform = newPlatformWithPolicy();
        String key = newKey();
        assertEquals(201, createRoom(platform.key(), key).statusCode());
        clock.advance(Duration.ofHours(24).minusMinutes(1));
        assertEquals("true", createRoom(platform.key(), key).header(IdempotencyInterceptor.REPLAYED_HEADER));
        assertEquals(1, rooms(platform.tenantId()));
        clock.advance(Duration.ofMinutes(2));
        var after = createRoom(platform.key(), key);
        assertEquals(201, after.statusCode());
        assertNull(after.header(IdempotencyInterceptor.REPLAYED_HEADER));
        assertEquals(2, rooms(platform.tenantId()));
    }

    @Test
    void shouldKeepKeysApartBetweenTenantsAndCallers() {
        String key = newKey();
        var school = newPlatformWithPolicy();
        var otherSchool = newPlatformWithPolicy();
        String secondKeyOfSchool = Api.newKey(school.tenantId(), "platform");
        assertEquals(201, createRoom(school.key(), key).statusCode());
        var elsewhere = createRoom(otherSchool.key(), key);
        var sameSchoolOtherKey = createRoom(secondKeyOfSchool, key);
        assertNull(elsewhere.header(IdempotencyInterceptor.REPLAYED_HEADER));
        assertNull(sameSchoolOtherKey.header(IdempotencyInterceptor.REPLAYED_HEADER));
        assertEquals(2, rooms(school.tenantId()));
        assertEquals(1, rooms(otherSchool.tenantId()));

        var f = ContentFixture.create();
        assertEquals(201, chatAs(f.pupilToken(), f.roomId(), key, "Hallo").statusCode());
        assertEquals(201, chatAs(f.teacherToken(), f.roomId(), key, "Hallo").statusCode());
        assertEquals(2, chatMessages(f.roomId()));
    }

    @Test
    void shouldForgetAnswersAboutARoomWhenItCloses() {
        var f = ContentFixture.create();
        String key = newKey();
        assertEquals(201, chat(f, key, "Hallo").statusCode());
        assertEquals(1, storedAnswers(f.roomId()));
        as(f.platformKey()).post("/api/v1/rooms/{r}/close", f.roomId()).then().statusCode(200);
        assertEquals(0, storedAnswers(f.roomId()), "an answer quoting chat text outlived the close (R6)");
        assertEquals(410, chat(f, key, "Hallo").statusCode());
    }

    @Test
    void shouldPurgeAnswersWithTheirRoom() {
        var platform = newPlatformWithPolicy();
        String room = createRoom(platform.key(), newKey()).path("id");
        String closeKey = newKey();
        as(platform.key()).header(KEY, closeKey).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        assertEquals(1, storedAnswers(room));
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        while (purge.purgeRooms(500) == 500) {
            // every room past retention, in batches
        }
        assertEquals(0, storedAnswers(room), "an answer about a room outlived its purge (R8)");
    }

    @Test
    void shouldGiveARetriedJoinAFreshTokenAndNoneAfterAWithdrawal() {
        var f = ContentFixture.create();
        Api.grantConsent(f.platformKey(), "p-2", "2020-11-19", ALL_SCOPES, Api.ALL_PURPOSES);
        String key = newKey();
        var first = join(f, key, joinBody("p-2", "PUPIL"));
        Map<String, Object> fromAnotherNetwork = new java.util.HashMap<>(joinBody("p-2", "PUPIL"));
        fromAnotherNetwork.put("clientIp", "198.51.100.9");
        var retry = join(f, key, fromAnotherNetwork);
        assertEquals(200, first.statusCode());
        assertEquals(200, retry.statusCode(), retry.body().asString());
        assertEquals(first.<String>path("participationId"), retry.path("participationId"));
        assertNotEquals(first.<String>path("token"), retry.<String>path("token"));
        assertEquals(1, new Sql(dataSource).count(
                "SELECT count(*) FROM conference.participation WHERE room_id = ?::uuid AND subject_id = 'p-2'", f.roomId()));
        assertEquals(36 + 28, storedJoinAnswerBytes(f.roomId()),
                "a join's stored answer holds only the participation id (sealed: + nonce and tag), never the token");

        as(f.platformKey()).delete("/api/v1/subjects/{s}/consent", "p-2").then().statusCode(204);
        var afterWithdrawal = join(f, key, joinBody("p-2", "PUPIL"));
        assertEquals(409, afterWithdrawal.statusCode(), afterWithdrawal.body().asString());
        assertNull(afterWithdrawal.path("token"));
    }

    @Test
    void shouldDocumentTheHeaderOnEveryWriteThatTakesIt() {
        var api = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract();
        assertEquals("header", api.path("components.parameters.Idempotency-Key.in"));
        for (String[] write : new String[][] { { "/api/v1/rooms", "post" }, { "/api/v1/rooms/{roomId}/close", "post" },
                { "/api/v1/rooms/{roomId}/join", "post" }, { "/api/v1/rooms/{roomId}/leave", "post" },
                { "/api/v1/rooms/{roomId}/chat", "post" }, { "/api/v1/rooms/{roomId}/files", "post" },
                { "/api/v1/rooms/{roomId}/whiteboard/strokes", "post" }, { "/api/v1/rooms/{roomId}/polls", "post" },
                { "/api/v1/rooms/{roomId}/polls/{pollId}/votes", "post" } }) {
            Map<String, Object> operation = api.path("paths.'" + write[0] + "'." + write[1]);
            assertTrue(operation.toString().contains("#/components/parameters/Idempotency-Key"), write[0]);
            assertTrue(operation.toString().contains("idempotency-key-in-use"), write[0]);
            assertTrue(operation.toString().contains("idempotency-key-reused"), write[0]);
        }
    }

    private static ExtractableResponse<Response> chat(ContentFixture f, String key, String text) {
        return chatAs(f.pupilToken(), f.roomId(), key, text);
    }

    private static ExtractableResponse<Response> chatAs(String token, String room, String key, String text) {
        return as(token).header(KEY, key).body(Map.of("text", text)).post("/api/v1/rooms/{r}/chat", room).then().extract();
    }

    private static ExtractableResponse<Response> upload(ContentFixture f, String key, byte[] bytes) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + f.pupilToken()).header(KEY, key)
                .multiPart("file", "Arbeitsblatt.txt", bytes, "text/plain").post("/api/v1/rooms/{r}/files", f.roomId())
                .then().extract();
    }

    private static ExtractableResponse<Response> createRoom(String platformKey, String key) {
        return createRoom(platformKey, key, ROOM);
    }

    private static ExtractableResponse<Response> createRoom(String platformKey, String key, Map<String, Object> body) {
        return as(platformKey).header(KEY, key).body(body).post("/api/v1/rooms").then().extract();
    }

    private static ExtractableResponse<Response> join(ContentFixture f, String key, Map<String, Object> body) {
        return as(f.platformKey()).header(KEY, key).body(body).post("/api/v1/rooms/{r}/join", f.roomId())
                .then().extract();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private long chatMessages(String room) {
        return new Sql(dataSource).count("SELECT count(*) FROM conference.chat_message WHERE room_id = ?::uuid", room);
    }

    private long rooms(String tenant) {
        return new Sql(dataSource).count("SELECT count(*) FROM conference.room WHERE tenant_id = ?", tenant);
    }

    private long storedAnswers(String room) {
        return new Sql(dataSource).count("SELECT count(*) FROM conference.idempotency_key WHERE room_id = ?::uuid", room);
    }

    private long storedJoinAnswerBytes(String room) {
        return new Sql(dataSource).count("SELECT octet_length(body) FROM conference.idempotency_key WHERE room_id = ?::uuid"
                + " AND status = 200 AND sealed", room);
    }
}
