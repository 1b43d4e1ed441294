package org.roomgate.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import org.roomgate.support.Sql;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A chat post racing what ends its right to post, lined up deterministically behind a room lock
 * held by a second connection: the post holds its room FOR SHARE before it reads the
 * participation and the key, so whatever it had to wait for decides it (R1, R2, R6). A post that
 * read the participation in the same statement as its lock (one join, FOR SHARE OF the room)
 * would act on the participation as it was before the wait: it is stored after the leave and
 * after the narrowing, and those two tests fail.
 */
@QuarkusTest
class ChatPostRaceTest {

    private static final int ROUNDS = 5;
    private static final ExecutorService REQUESTS = Executors.newFixedThreadPool(2);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WipeService wipes;

    @AfterAll
    static void stopRequests() {
        REQUESTS.shutdownNow();
    }

    @Test
    void shouldRefuseAPostThatWaitedForTheClose() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            var f = ContentFixture.create();
            Race race = postAfter(f, () -> as(f.platformKey()).post("/api/v1/rooms/{r}/close", f.roomId()).then().extract());
            assertEquals(200, race.first().statusCode());
            assertEquals(410, race.post().statusCode(), "round " + i + ": " + race.post().body().asString());
            assertEquals(0, chatMessages(f.roomId()), "round " + i + ": content landed in a closed room");
        }
    }

    @Test
    void shouldStoreAPostThatTheCloseWaitedForAndWipeIt() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            var f = ContentFixture.create();
            CompletableFuture<ExtractableResponse<Response>> post;
            CompletableFuture<ExtractableResponse<Response>> close;
            try (HeldRoom held = HeldRoom.lock(dataSource, f.roomId())) {
                post = async(() -> as(f.pupilToken()).body(Map.of("text", "noch schnell")).post("/api/v1/rooms/{r}/chat", f.roomId())
                        .then().extract());
                held.awaitWaiting(1);
                close = async(() -> as(f.platformKey()).post("/api/v1/rooms/{r}/close", f.roomId()).then().extract());
                held.awaitWaiting(2);
            }
            assertEquals(201, post.get().statusCode(), "round " + i + ": " + post.get().body().asString());
            assertEquals(200, close.get().statusCode());
            assertEquals(1, chatMessages(f.roomId()), "round " + i + ": the post committed before the close");
            assertEquals(0, count("SELECT count(*) FROM conference.room_key WHERE room_id = ?::uuid", f.roomId()));
            wipes.wipeNext(1000);
            assertEquals(0, chatMessages(f.roomId()), "round " + i + ": the wipe left the post behind");
            assertEquals(1, count("SELECT chat_messages FROM conference.wipe_receipt WHERE room_id = ?::uuid", f.roomId()));
        }
    }

    @Test
    void shouldRefuseAPostThatWaitedForTheLeave() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            var f = ContentFixture.create();
            String participation = as(f.platformKey()).get("/api/v1/rooms/{r}/attendance", f.roomId()).then().extract()
                    .path("find { it.subjectId == 'p-1' }.participationId");
            Race race = postAfter(f, () -> as(f.platformKey()).body(Map.of("participationId", participation))
                    .post("/api/v1/rooms/{r}/leave", f.roomId()).then().extract());
            assertEquals(204, race.first().statusCode());
            assertEquals(401, race.post().statusCode(), "round " + i + ": posted after the leave");
            assertEquals(0, chatMessages(f.roomId()));
        }
    }

    @Test
    void shouldRefuseAPostThatWaitedForANarrowedConsent() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            var f = ContentFixture.create();
            Race race = postAfter(f, () -> as(f.platformKey()).body(consent("2020-11-19", List.of("AUDIO"), ALL_PURPOSES))
                    .put("/api/v1/subjects/{s}/consent", "p-1").then().extract());
            assertEquals(200, race.first().statusCode());
            assertEquals(403, race.post().statusCode(), "round " + i + ": posted without CHAT in the consent");
            assertEquals("urn:roomgate:problem:capability-missing", race.post().path("type"));
            assertEquals(0, chatMessages(f.roomId()));
        }
    }

    @Test
    void shouldHoldTheRoomFromItsCheckUntilThePostCommits() throws Exception {
        var f = ContentFixture.create();
        try (Connection inserts = dataSource.getConnection()) {
            inserts.setAutoCommit(false);
            try (Statement block = inserts.createStatement()) {
                block.execute("LOCK TABLE conference.chat_message IN SHARE MODE");
            }
            CompletableFuture<ExtractableResponse<Response>> post = async(() -> as(f.pupilToken())
                    .body(Map.of("text", "mitten drin")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().extract());
            await().atMost(Duration.ofSeconds(30)).until(() -> new Sql(dataSource).count(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") >= 1);
            // The post has checked the room, read its key and waits to insert: a close cannot lock the room now.
            SQLException refused = assertThrows(SQLException.class, () -> lockRoomNowait(f.roomId()));
            assertEquals("55P03", refused.getSQLState());
            inserts.commit();
            assertEquals(201, post.get().statusCode());
        }
        lockRoomNowait(f.roomId());
    }

    /** {@code first} waits behind a held room lock, the pupil's post waits behind it; then both run. */
    private Race postAfter(ContentFixture f, Supplier<ExtractableResponse<Response>> first) throws Exception {
        CompletableFuture<ExtractableResponse<Response>> before;
        CompletableFuture<ExtractableResponse<Response>> post;
        try (HeldRoom held = HeldRoom.lock(dataSource, f.roomId())) {
            before = async(first);
            held.awaitWaiting(1);
            post = async(() -> as(f.pupilToken()).body(Map.of("text", "zu spät")).post("/api/v1/rooms/{r}/chat", f.roomId())
                    .then().extract());
            held.awaitWaiting(2);
        }
        return new Race(before.get(), post.get());
    }

    private record Race(ExtractableResponse<Response> first, ExtractableResponse<Response> post) {
    }

    private static CompletableFuture<ExtractableResponse<Response>> async(Supplier<ExtractableResponse<Response>> request) {
        return CompletableFuture.supplyAsync(request, REQUESTS);
    }

    private void lockRoomNowait(String room) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT 1 FROM conference.room WHERE id = ?::uuid FOR NO KEY UPDATE NOWAIT")) {
            lock.setString(1, room);
            lock.executeQuery().close();
        }
    }

    private long chatMessages(String room) {
        return count("SELECT count(*) FROM conference.chat_message WHERE room_id = ?::uuid", room);
    }

    private long count(String sql, String room) {
        return new Sql(dataSource).count(sql, room);
    }
}
