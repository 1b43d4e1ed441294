package org.roomgate.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.roomgate.support.HeldRoom;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WipeTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WipeService wipes;

    @Test
    void shouldMakeContentUnreadableAtCloseBeforeAnyWipe() throws SQLException {
        var f = ContentFixture.create();
        var other = ContentFixture.create();
        String secret = "geheim-" + UUID.randomUUID();
        as(f.pupilToken()).body(Map.of("text", secret)).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        byte[] key = single("SELECT data_key FROM conference.room_key WHERE room_id = ?::uuid", f.roomId());
        byte[] stored = single("SELECT body FROM conference.chat_message WHERE room_id = ?::uuid", f.roomId());
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(secret), "stored as ciphertext");
        assertEquals(secret, new String(ContentCipher.decrypt(UUID.fromString(f.roomId()), key, stored), StandardCharsets.UTF_8));

        as(f.platformKey()).post("/api/v1/rooms/{r}/close", f.roomId()).then().statusCode(200);

        // The ciphertext is still there (no wipe has run) but the room's key is gone for good ...
        assertEquals(0, count("SELECT count(*) FROM conference.room_key WHERE room_id = ?::uuid", f.roomId()));
        assertEquals(1, count("SELECT count(*) FROM conference.chat_message WHERE room_id = ?::uuid", f.roomId()));
        // ... and no other room's key opens it: the room id is bound into every ciphertext.
        byte[] otherKey = single("SELECT data_key FROM conference.room_key WHERE room_id = ?::uuid", other.roomId());
        assertThrows(IllegalStateException.class, () -> ContentCipher.decrypt(UUID.fromString(f.roomId()), otherKey, stored));
        as(f.platformKey()).get("/api/v1/rooms/{r}/wipe-receipt", f.roomId()).then().statusCode(200)
                .body("contentUnreadableAt", notNullValue())
                .body("wipedAt", nullValue())
                .body("deleted.chatMessages", nullValue());
    }

    @Test
    void shouldLeaveNoPlaintextChatInTheDatabaseFiles() throws Exception {
        Path dataDirectory = Path.of(this.<String>singleValue("SELECT current_setting('data_directory')"));
        Assumptions.assumeTrue(Files.isDirectory(dataDirectory), "the database runs on this machine");
        var f = ContentFixture.create();
        String chatMarker = "chat-" + UUID.randomUUID();
        String durableMarker = "school-" + UUID.randomUUID();
        as(f.pupilToken()).body(Map.of("text", chatMarker)).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        asOps().body(Map.of("id", "disk-" + UUID.randomUUID().toString().substring(0, 8), "name", durableMarker))
                .post("/api/v1/tenants").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        // The scan does find what is stored in clear (a durable table's row) ...
        assertTrue(filesContaining(dataDirectory, durableMarker) > 0, "the scan reads the database's files");
        // ... and finds the chat text nowhere: not in tables, not in the WAL.
        assertEquals(0, filesContaining(dataDirectory, chatMarker));
    }

    @Test
    void shouldWipeClosedRoomOnceAndWriteReceipt() throws SQLException {
        var f = ContentFixture.create();
        as(f.pupilToken()).body(Map.of("text", "eins")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        as(f.teacherToken()).body(Map.of("text", "zwei")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        given().header("Authorization", "Bearer " + f.pupilToken()).multiPart("file", "a.txt", new byte[1234], "text/plain")
                .post("/api/v1/rooms/{r}/files", f.roomId()).then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            as(f.pupilToken()).body(Map.of("data", Map.of("i", i))).post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                    .then().statusCode(201);
        }
        String poll = as(f.teacherToken()).body(Map.of("question", "?", "options", List.of("a", "b")))
                .post("/api/v1/rooms/{r}/polls", f.roomId()).then().statusCode(201).extract().path("id");
        as(f.pupilToken()).body(Map.of("option", 0)).post("/api/v1/rooms/{r}/polls/{p}/votes", f.roomId(), poll).then().statusCode(201);
        as(f.teacherToken()).body(Map.of("option", 1)).post("/api/v1/rooms/{r}/polls/{p}/votes", f.roomId(), poll).then().statusCode(201);
        as(f.platformKey()).get("/api/v1/rooms/{r}/wipe-receipt", f.roomId()).then().statusCode(404);

        as(f.platformKey()).post("/api/v1/rooms/{r}/close", f.roomId()).then().statusCode(200)
                .body("wipe.status", equalTo("PENDING"));
        // Another instance's wipe holds the room (its claim): this instance skips it, without waiting
        // and without touching its content ...
        try (HeldRoom otherInstance = HeldRoom.lock(dataSource, f.roomId())) {
            CompletableFuture<Integer> meanwhile = CompletableFuture.supplyAsync(() -> wipes.wipeNext(1000));
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> meanwhile.get(), "the wipe waited for the claimed room");
            assertEquals(2, count("SELECT count(*) FROM conference.chat_message WHERE room_id = ?::uuid", f.roomId()));
            assertEquals(0, count("SELECT count(*) FROM conference.room WHERE id = ?::uuid AND wiped_at IS NOT NULL", f.roomId()));
        }
        // ... and once it is free, exactly one of two instances running at once wipes it.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> wipes.wipeNext(1000));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> wipes.wipeNext(1000));
        first.join();
        second.join();

        as(f.platformKey()).get("/api/v1/rooms/{r}/wipe-receipt", f.roomId()).then().statusCode(200)
                .body("roomId", equalTo(f.roomId()))
                .body("closedAt", notNullValue())
                .body("contentUnreadableAt", notNullValue())
                .body("wipedAt", notNullValue())
                .body("deleted.chatMessages", equalTo(2))
                .body("deleted.files", equalTo(1))
                .body("deleted.fileBytes", equalTo(1234))
                .body("deleted.whiteboardStrokes", equalTo(3))
                .body("deleted.pollVotes", equalTo(2));
        as(f.platformKey()).get("/api/v1/rooms/{r}", f.roomId()).then()
                .body("wipe.status", equalTo("DONE")).body("wipe.wipedAt", notNullValue());
        for (String table : List.of("chat_message", "room_file", "whiteboard_stroke", "poll", "poll_vote", "room_key")) {
            assertEquals(0, count("SELECT count(*) FROM conference." + table + " WHERE room_id = ?::uuid", f.roomId()), table);
        }
        String stranger = org.roomgate.support.Api.newKey(org.roomgate.support.Api.newTenant(), "dashboard");
        as(stranger).get("/api/v1/rooms/{r}/wipe-receipt", f.roomId()).then().statusCode(404);
    }

    @Test
    void shouldExportAndEraseContentOfSubject() {
        var f = ContentFixture.create();
        as(f.pupilToken()).body(Map.of("text", "Meine Antwort")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        as(f.teacherToken()).body(Map.of("text", "Lehrer")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        as(f.platformKey()).get("/api/v1/subjects/p-1/data").then().statusCode(200)
                .body("content", hasSize(1))
                .body("content[0].kind", equalTo("chat"))
                .body("content[0].text", equalTo("Meine Antwort"));

        as(f.platformKey()).delete("/api/v1/subjects/p-1").then().statusCode(200).body("deleted.content", equalTo(1));

        as(f.platformKey()).get("/api/v1/subjects/p-1/data").then().body("content", hasSize(0));
        as(f.teacherToken()).get("/api/v1/rooms/{r}/chat", f.roomId()).then().body("text", org.hamcrest.Matchers.contains("Lehrer"));
    }

    private long filesContaining(Path directory, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        long hits = 0;
        for (Path file : files) {
            try {
                if (Files.size(file) < 256L * 1024 * 1024 && indexOf(Files.readAllBytes(file), needle) >= 0) {
                    hits++;
                }
            } catch (IOException e) {
                // A file removed while walking (a recycled WAL segment) holds nothing to find.
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private byte[] single(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getBytes(1);
            }
        }
    }

    private long count(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T singleValue(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return (T) rows.getObject(1);
        }
    }
}
