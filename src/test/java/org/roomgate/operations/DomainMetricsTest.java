package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.content.WipeService;
import org.roomgate.retention.PurgeJob;
import org.roomgate.support.Scrape;
import org.roomgate.support.Sql;
import org.roomgate.support.TestClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The domain metrics of API.md "Metrics": names, labels, and values that follow the database. */
@QuarkusTest
class DomainMetricsTest {

    private static final List<String> OUTCOMES = List.of("admitted", "consent_missing", "consent_outdated", "consent_purpose",
            "room_full", "room_closed");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    WipeService wipes;

    @Inject
    PurgeJob purge;

    private Sql sql;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCountJoinsByOutcomeWithEveryOutcomePresentFromTheStart() {
        Scrape before = Scrape.now();
        OUTCOMES.forEach(outcome -> before.require("roomgate_joins_total", "outcome", outcome));
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, List.of("LESSON"));
        String room = newRoom(platform.key(), "SMALL_GROUP", 1, ALL_SCOPES);
        join(platform.key(), room, "t-1", "TEACHER");
        as(platform.key()).body(joinBody("p-1", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(403);
        as(platform.key()).body(joinBody("p-2", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(403);
        as(platform.key()).body(joinBody("t-2", "TEACHER")).post("/api/v1/rooms/{r}/join", room).then().statusCode(409);

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "admitted"));
        assertEquals(1, delta(before, after, "consent_purpose"));
        assertEquals(1, delta(before, after, "consent_missing"));
        assertEquals(1, delta(before, after, "room_full"));
        assertEquals(0, delta(before, after, "consent_outdated"));
        after.series("roomgate_joins_total").forEach(s -> assertEquals(Map.of("outcome", s.labels().get("outcome")), s.labels(),
                "no tenant, room or subject as a label"));
    }

    @Test
    void shouldReadGaugesFromTheDatabaseSoThatAnotherInstancesRoomsCount() {
        Scrape before = fresh();
        // A room that another instance opened: this instance never saw a request for it.
        String tenant = newPlatformWithPolicy().tenantId();
        UUID room = UUID.randomUUID();
        sql.update("""
                INSERT INTO conference.room (id, tenant_id, name, purpose, max_participants, features, idle_timeout_seconds,
                    max_duration_seconds, state, participants_now, peak_participants, created_at, empty_since)
                VALUES (?, ?, 'elsewhere', 'LESSON', 30, '{CHAT}', 900, 3600, 'OPEN', 7, 7, now(), now())""", room, tenant);
        try {
            Scrape after = fresh();
            assertEquals(1, after.require("roomgate_rooms_open") - before.require("roomgate_rooms_open"));
            assertEquals(7, after.require("roomgate_participants") - before.require("roomgate_participants"));
            assertEquals(1, after.require("roomgate_database_up"));
            assertEquals(1, after.require("roomgate_ready"));
        } finally {
            sql.update("DELETE FROM conference.room WHERE id = ?", room);
        }
    }

    @Test
    void shouldShowPendingWipesAndTheLagOfEachWipe() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        wipes.wipeNext(1_000);
        Scrape before = fresh();
        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        Scrape closed = fresh();
        assertEquals(1, closed.require("roomgate_wipes_pending") - before.require("roomgate_wipes_pending"));

        clock.advance(Duration.ofSeconds(45));
        try {
            wipes.wipeNext(1_000);
            Scrape wiped = fresh();
            assertEquals(0, wiped.require("roomgate_wipes_pending"));
            assertEquals(1, wiped.require("roomgate_wipe_lag_seconds_count") - before.require("roomgate_wipe_lag_seconds_count"));
            // 45 s after the close: above the 30 s bucket, within the one-minute bucket of the alert.
            assertEquals(0, bucketDelta(before, wiped, "30.0"));
            assertEquals(1, bucketDelta(before, wiped, "60.0"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldReportTheAgeOfTheOldestMetadataAndCountWhatThePurgeDeletes() {
        String tenant = newPlatformWithPolicy().tenantId();
        OffsetDateTime eightDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(8);
        sql.update("INSERT INTO conference.join_denial (tenant_id, room_id, reason, denied_at) VALUES (?, ?, 'room-full', ?)",
                tenant, UUID.randomUUID(), eightDaysAgo);
        Scrape old = fresh();
        assertTrue(old.require("roomgate_metadata_oldest_age_seconds") >= Duration.ofDays(8).toSeconds() - 60,
                "the oldest metadata is the denial of eight days ago");

        purge.run();
        Scrape purged = fresh();
        assertTrue(purged.require("roomgate_purged_total", "kind", "join_denials")
                - old.require("roomgate_purged_total", "kind", "join_denials") >= 1);
        assertTrue(purged.require("roomgate_metadata_oldest_age_seconds") <= Duration.ofDays(7).toSeconds());
        assertEquals(0, sql.count("SELECT count(*) FROM conference.join_denial WHERE tenant_id = ?", tenant));
    }

    /** A scrape after the gauges' reuse window has passed, so it reads the database anew. */
    private Scrape fresh() {
        clock.advance(ConferenceGauges.REUSE);
        return Scrape.now();
    }

    private static double delta(Scrape before, Scrape after, String outcome) {
        return after.require("roomgate_joins_total", "outcome", outcome) - before.require("roomgate_joins_total", "outcome", outcome);
    }

    private static double bucketDelta(Scrape before, Scrape after, String le) {
        return after.require("roomgate_wipe_lag_seconds_bucket", "le", le) - before.require("roomgate_wipe_lag_seconds_bucket", "le", le);
    }
}
