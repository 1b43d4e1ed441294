package org.roomgate.room;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.newPlatformWithPolicy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.TestClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Room durations within bounds (400 naming the field otherwise), and an auto-close that one bad room cannot stop. */
@QuarkusTest
class RoomBoundsTest {

    @Inject
    AutoCloseJob autoClose;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRefuseDurationsOutOfBoundsNamingTheFieldAndStoreNothing() {
        var platform = newPlatformWithPolicy();
        assertRefused(platform.key(), Map.of("idleTimeout", "P999999999D"), "idleTimeout");
        assertRefused(platform.key(), Map.of("maxDuration", "P999999999D"), "maxDuration");
        // The test profile's ceiling is P7D (production's default P1D is checked on the packaged jar).
        assertRefused(platform.key(), Map.of("maxDuration", "P7DT1S"), "maxDuration");
        assertRefused(platform.key(), Map.of("idleTimeout", "PT2H", "maxDuration", "PT1H"), "idleTimeout");
        assertRefused(platform.key(), Map.of("idleTimeout", "PT0S"), "idleTimeout");
        as(platform.key()).get("/api/v1/rooms").then().statusCode(200).body("", hasSize(0));

        // Without an idle timeout, a short room gets its maximum duration as one.
        as(platform.key()).body(Map.of("name", "kurz", "purpose", "LESSON", "maxDuration", "PT10M")).post("/api/v1/rooms")
                .then().statusCode(201).body("idleTimeout", equalTo("PT10M")).body("maxDuration", equalTo("PT10M"));
    }

    @Test
    void shouldRefusePatchOutOfBoundsAndLeaveTheRoomUnchanged() {
        var platform = newPlatformWithPolicy();
        String room = as(platform.key()).body(Map.of("name", "3b", "purpose", "LESSON", "idleTimeout", "PT15M",
                "maxDuration", "PT4H")).post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        as(platform.key()).body(Map.of("idleTimeout", "P999999999D")).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(400).body("errors.field", contains("idleTimeout"));
        as(platform.key()).body(Map.of("maxDuration", "PT10M")).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(400).body("errors.field", contains("maxDuration"));
        as(platform.key()).body(Map.of("name", "neu", "maxDuration", "P8D")).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(400).body("errors.field", contains("maxDuration"));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then()
                .body("name", equalTo("3b")).body("idleTimeout", equalTo("PT15M")).body("maxDuration", equalTo("PT4H"));
    }

    @Test
    void shouldRefuseUnboundedDurationsInTheDatabaseToo() {
        var platform = newPlatformWithPolicy();
        String room = as(platform.key()).body(Map.of("name", "3b", "purpose", "LESSON")).post("/api/v1/rooms")
                .then().statusCode(201).extract().path("id");
        assertThrows(SQLException.class, () -> execute(
                "UPDATE conference.room SET idle_timeout_seconds = 86399999913600 WHERE id = '" + room + "'"));
        assertThrows(SQLException.class, () -> execute(
                "UPDATE conference.room SET participants_now = max_participants + 1 WHERE id = '" + room + "'"));
    }

    @Test
    void shouldCloseEveryOtherDueRoomWhenOneCannotBeClosedAndLogThatOnce() throws SQLException {
        var platform = newPlatformWithPolicy();
        String broken = idleRoom(platform.key());
        String healthy = idleRoom(platform.key());
        ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
        Handler capture = warningsOf(warnings);
        Logger log = Logger.getLogger(AutoCloseJob.class.getName());
        log.addHandler(capture);
        execute("CREATE FUNCTION refuse_room_change_for_test() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'this room cannot change'; END $$");
        execute("CREATE TRIGGER refuse_" + broken.replace("-", "") + " BEFORE UPDATE ON conference.room FOR EACH ROW"
                + " WHEN (OLD.id = '" + broken + "') EXECUTE FUNCTION refuse_room_change_for_test()");
        try {
            clock.advance(Duration.ofMinutes(2));
            autoClose.closeDueRooms();
            autoClose.closeDueRooms();

            as(platform.key()).get("/api/v1/rooms/{r}", healthy).then().body("state", equalTo("CLOSED"));
            as(platform.key()).get("/api/v1/rooms/{r}", broken).then().body("state", equalTo("OPEN"));
            List<String> aboutBroken = warnings.stream().filter(w -> w.contains(broken)).toList();
            assertEquals(1, aboutBroken.size(), "one warning for a room that fails on every run: " + warnings);
        } finally {
            execute("DROP TRIGGER refuse_" + broken.replace("-", "") + " ON conference.room");
            execute("DROP FUNCTION refuse_room_change_for_test()");
            log.removeHandler(capture);
        }
        autoClose.closeDueRooms();
        as(platform.key()).get("/api/v1/rooms/{r}", broken).then().body("state", equalTo("CLOSED"))
                .body("closeReason", equalTo("IDLE_TIMEOUT"));
    }

    private static void assertRefused(String key, Map<String, Object> durations, String field) {
        Map<String, Object> body = new java.util.HashMap<>(durations);
        body.put("name", "Klasse 3b");
        body.put("purpose", "LESSON");
        as(key).body(body).post("/api/v1/rooms").then().statusCode(400)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", contains(field));
    }

    private static String idleRoom(String key) {
        return as(key).body(Map.of("name", "leer", "purpose", "LESSON", "idleTimeout", "PT1M"))
                .post("/api/v1/rooms").then().statusCode(201).extract().path("id");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Handler warningsOf(ConcurrentLinkedQueue<String> warnings) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
