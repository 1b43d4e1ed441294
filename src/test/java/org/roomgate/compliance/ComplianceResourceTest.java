package org.roomgate.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.content.WipeService;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.Sql;
import org.roomgate.support.TestClock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /api/v1/compliance: every rule measured live, and each rule turned VIOLATED by breaking it
 * in the database behind the service's back, as a bug, another instance or an operator could.
 */
@QuarkusTest
class ComplianceResourceTest {

    private static final List<String> ALL_RULES = IntStream.rangeClosed(1, 11).mapToObj(i -> "R" + i).toList();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    WipeService wipes;

    private Sql sql;
    private Platform school;
    private String room;
    private String teacherToken;

    /** A school with a lesson going on: a pupil with consent and a teacher inside. */
    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        school = newPlatformWithPolicy();
        grantConsent(school.key(), "p-1", "2020-11-19", List.of("AUDIO", "VIDEO", "CHAT"), List.of("LESSON"));
        room = newRoom(school.key(), "LESSON", 2, List.of("AUDIO", "VIDEO", "CHAT"));
        join(school.key(), room, "p-1", "PUPIL");
        teacherToken = join(school.key(), room, "t-1", "TEACHER").path("token");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldReportEveryRuleOkWithItsEvidenceForAHealthySchool() {
        JsonPath report = report(school.key());
        assertEquals(ALL_RULES, report.getList("rules.rule"));
        ALL_RULES.forEach(rule -> assertEquals("OK", status(report, rule), rule + ": " + evidence(report, rule)));
        assertEquals(Boolean.TRUE, report.get("rules.find { it.rule == 'R9' }.evidence.tables.find { it.table == 'conference.room' }.unlogged"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R1' }.evidence.pupilsInside"));
        assertEquals(2, (int) report.get("rules.find { it.rule == 'R2' }.evidence.participantsInside"));
        assertEquals(List.of(), report.getList("rules.find { it.rule == 'R7' }.evidence.claimsBeyondContract"));
        org.junit.jupiter.api.Assertions.assertNotNull(report.getString("generatedAt"));
    }

    @Test
    void shouldReportR9ViolatedWhenAConferenceTableIsLogged() {
        sql.update("ALTER TABLE conference.recording_refusal SET LOGGED");
        try {
            JsonPath report = report(school.key());
            assertEquals("VIOLATED", status(report, "R9"));
            assertEquals(Boolean.FALSE, report.get(
                    "rules.find { it.rule == 'R9' }.evidence.tables.find { it.table == 'conference.recording_refusal' }.unlogged"));
            assertEquals("off", report.get("rules.find { it.rule == 'R9' }.evidence.archiveMode"));
        } finally {
            sql.update("ALTER TABLE conference.recording_refusal SET UNLOGGED");
        }
        assertEquals("OK", status(report(school.key()), "R9"));
    }

    @Test
    void shouldReportR8ViolatedWhenMetadataIsOlderThanTheLimit() {
        sql.update("INSERT INTO conference.join_denial (tenant_id, room_id, reason, denied_at) VALUES (?, ?, 'room-full', ?)",
                school.tenantId(), UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(7).minusHours(1));
        try {
            JsonPath report = report(school.key());
            assertEquals("VIOLATED", status(report, "R8"));
            assertEquals(true, report.getLong("rules.find { it.rule == 'R8' }.evidence.oldestMetadataAgeSeconds")
                    > Duration.ofDays(7).toSeconds());
            assertEquals(604800, (int) report.get("rules.find { it.rule == 'R8' }.evidence.limitSeconds"));
        } finally {
            sql.update("DELETE FROM conference.join_denial WHERE tenant_id = ?", school.tenantId());
        }
    }

    @Test
    void shouldReportR8ViolatedWhenAClosedRoomOutlivesTheRetentionWindow() {
        as(school.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        sql.update("UPDATE conference.room SET created_at = now() - interval '3 days', closed_at = now() - interval '2 days' "
                + "WHERE id = ?::uuid", room);
        // The default window is P7D: two days after close is within it.
        assertEquals("OK", status(report(school.key()), "R8"));
        sql.update("UPDATE conference.room SET created_at = now() - interval '8 days', closed_at = now() - interval '7 days 1 hour' "
                + "WHERE id = ?::uuid", room);
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R8"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R8' }.evidence.closedRoomsPastWindow"));
    }

    @Test
    void shouldReportR6ViolatedWhenAWipeIsOverdueAndOkOnceWiped() {
        wipes.wipeNext(1_000);
        as(school.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        assertEquals("OK", status(report(school.key()), "R6"), "a wipe pending for seconds is in time");

        clock.advance(Duration.ofMinutes(11));
        JsonPath overdue = report(school.key());
        assertEquals("VIOLATED", status(overdue, "R6"));
        assertEquals(1, (int) overdue.get("rules.find { it.rule == 'R6' }.evidence.wipesPending"));
        assertEquals(true, overdue.getLong("rules.find { it.rule == 'R6' }.evidence.oldestPendingSeconds") >= 660);

        wipes.wipeNext(1_000);
        JsonPath wiped = report(school.key());
        assertEquals("OK", status(wiped, "R6"));
        assertEquals(0, (int) wiped.get("rules.find { it.rule == 'R6' }.evidence.wipesPending"));
        assertEquals(true, wiped.getDouble("rules.find { it.rule == 'R6' }.evidence.slowestWipeSecondsLast7Days") >= 660);
    }

    @Test
    void shouldReportR6ViolatedWhenAClosedRoomStillHasItsContentKey() {
        as(school.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        sql.update("INSERT INTO conference.room_key (room_id, data_key) VALUES (?::uuid, ?)", room, new byte[32]);
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R6"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R6' }.evidence.closedRoomsWithReadableContent"));
    }

    @Test
    void shouldCountRefusedRecordingAndReportR5ViolatedWhenARoomOffersRecording() {
        as(school.key()).body(Map.of("name", "3b", "purpose", "LESSON", "recording", true)).post("/api/v1/rooms")
                .then().statusCode(422);
        as(school.key()).body(Map.of("features", List.of("CHAT", "RECORDING"))).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(422);
        JsonPath refused = report(school.key());
        assertEquals("OK", status(refused, "R5"), "refused attempts are the rule working");
        assertEquals(2, (int) refused.get("rules.find { it.rule == 'R5' }.evidence.recordingAttemptsRefusedLast7Days"));

        sql.update("UPDATE conference.room SET features = array_append(features, 'RECORD') WHERE id = ?::uuid", room);
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R5"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R5' }.evidence.roomsOfferingRecording"));
    }

    @Test
    void shouldReportR1ViolatedForAPupilInsideWithoutConsentAndCountRefusals() {
        as(school.key()).body(joinBody("p-unknown", "PUPIL")).post("/api/v1/rooms/{r}/join", room).then().statusCode(403);
        JsonPath refused = report(school.key());
        assertEquals("OK", status(refused, "R1"));
        assertEquals(1, (int) refused.get("rules.find { it.rule == 'R1' }.evidence.joinsRefusedConsentMissingLast7Days"));

        // A withdrawal that reached the database without ending the participation.
        sql.update("INSERT INTO consent (id, tenant_id, subject_id, kind, recorded_at) VALUES (?, ?, 'p-1', 'WITHDRAWAL', now())",
                UUID.randomUUID(), school.tenantId());
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R1"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R1' }.evidence.insideWithoutValidConsent"));
    }

    @Test
    void shouldReportR3ViolatedForAPupilInsideARoomOfAPurposeItsConsentDoesNotCover() {
        sql.update("""
                INSERT INTO consent (id, tenant_id, subject_id, kind, policy_version, granted_by_name, granted_by_relation,
                    scopes, purposes, recorded_at)
                VALUES (?, ?, 'p-1', 'GRANT', '2020-11-19', 'G', 'GUARDIAN', '{AUDIO}', '{ONE_TO_ONE}', now())""",
                UUID.randomUUID(), school.tenantId());
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R3"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R3' }.evidence.insideOutsideConsentedPurpose"));
        assertEquals("OK", status(report, "R1"), "the consent itself is valid");
    }

    @Test
    void shouldReportR2ViolatedForACapabilityBeyondTheRoomOrTheConsent() {
        sql.update("UPDATE conference.participation SET capabilities = array_append(capabilities, 'FILES') "
                + "WHERE room_id = ?::uuid AND subject_id = 'p-1'", room);
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R2"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R2' }.evidence.participantsBeyondRoomConsentOrRole"));
    }

    @Test
    void shouldReportR10ViolatedWhenMorePeopleAreInsideThanTheLimit() {
        sql.update("UPDATE conference.room SET max_participants = 1 WHERE id = ?::uuid", room);
        JsonPath report = report(school.key());
        assertEquals("VIOLATED", status(report, "R10"));
        assertEquals(1, (int) report.get("rules.find { it.rule == 'R10' }.evidence.roomsOverLimit"));
    }

    @Test
    void shouldReportR11ViolatedForBothSchoolsWhenARowCrossesTenants() {
        Platform other = newPlatformWithPolicy();
        assertEquals("OK", status(report(other.key()), "R11"));
        sql.update("UPDATE conference.participation SET tenant_id = ? WHERE room_id = ?::uuid AND subject_id = 't-1'",
                other.tenantId(), room);
        assertEquals("VIOLATED", status(report(school.key()), "R11"));
        assertEquals("VIOLATED", status(report(other.key()), "R11"));
    }

    @Test
    void shouldReportR4ViolatedWhenATableGetsAColumnForIpAddresses() {
        sql.update("ALTER TABLE conference.room ADD COLUMN client_ip text");
        try {
            JsonPath report = report(school.key());
            assertEquals("VIOLATED", status(report, "R4"));
            assertEquals(List.of("conference.room.client_ip"), report.getList("rules.find { it.rule == 'R4' }.evidence.columnsForIpOrBrowser"));
            assertEquals(false, report.getBoolean("rules.find { it.rule == 'R4' }.evidence.accessLogEnabled"));
        } finally {
            sql.update("ALTER TABLE conference.room DROP COLUMN client_ip");
        }
    }

    @Test
    void shouldMeasureOnlyTheCallersSchool() {
        Platform other = newPlatformWithPolicy();
        sql.update("UPDATE conference.room SET max_participants = 1 WHERE id = ?::uuid", room);
        assertEquals("OK", status(report(other.key()), "R10"));
        assertEquals(0, (int) report(other.key()).get("rules.find { it.rule == 'R1' }.evidence.pupilsInside"));
    }

    @Test
    void shouldLetDashboardAndOpsReadAndRefuseEveryoneElse() {
        String dashboard = newKey(school.tenantId(), "dashboard");
        as(dashboard).get("/api/v1/compliance").then().statusCode(200).body("rules.rule", contains(ALL_RULES.toArray()));
        asOps().queryParam("tenant", school.tenantId()).get("/api/v1/compliance").then().statusCode(200)
                .body("rules.find { it.rule == 'R1' }.evidence.pupilsInside", equalTo(1));
        asOps().get("/api/v1/compliance").then().statusCode(400)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", hasItem("tenant"));
        asOps().queryParam("tenant", "no-such-school").get("/api/v1/compliance").then().statusCode(404)
                .body("type", equalTo("urn:roomgate:problem:not-found"));
        as(teacherToken).get("/api/v1/compliance").then().statusCode(403).body("type", equalTo("urn:roomgate:problem:forbidden"));
        given().get("/api/v1/compliance").then().statusCode(401).body("type", equalTo("urn:roomgate:problem:unauthenticated"));
    }

    @Test
    void shouldDescribeTheEndpointInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/compliance'.get.summary", notNullValue())
                .body("paths.'/api/v1/compliance'.get.responses.'400'.description", org.hamcrest.Matchers.containsString("validation-failed"))
                .body("paths.'/api/v1/compliance'.get.responses.'404'.description", org.hamcrest.Matchers.containsString("not-found"))
                .body("info.description", org.hamcrest.Matchers.containsString("docs/policy.md"))
                .body("paths.'/api/v1/compliance'.get.responses.'200'.content.'application/json'.schema.$ref", notNullValue())
                .body("paths.size()", greaterThan(10));
    }

    private static JsonPath report(String key) {
        return as(key).get("/api/v1/compliance").then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath report, String rule) {
        return report.getString("rules.find { it.rule == '" + rule + "' }.status");
    }

    private static Object evidence(JsonPath report, String rule) {
        return report.get("rules.find { it.rule == '" + rule + "' }.evidence");
    }
}
