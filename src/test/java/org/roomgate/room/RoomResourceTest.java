package org.roomgate.room;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;
import static org.roomgate.support.Api.newTenant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RoomResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldCreateRoomWithConfiguredDefaults() {
        String platform = newKey(newTenant(), "platform");
        String id = as(platform).body(Map.of("name", "Klasse 3b Mathematik", "purpose", "LESSON"))
                .post("/api/v1/rooms")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/rooms/" + as(platform).get("/api/v1/rooms")
                        .then().extract().path("[0].id")))
                .body("name", equalTo("Klasse 3b Mathematik"))
                .body("purpose", equalTo("LESSON"))
                .body("state", equalTo("OPEN"))
                .body("maxParticipants", equalTo(50))
                .body("features", hasSize(8))
                .body("idleTimeout", equalTo("PT15M"))
                .body("maxDuration", equalTo("PT8H"))
                .body("recording", equalTo(false))
                .body("participantsNow", equalTo(0))
                .body("peakParticipants", equalTo(0))
                .body("closedAt", nullValue())
                .body("wipe.status", equalTo("NONE"))
                .extract().path("id");
        as(platform).get("/api/v1/rooms/{r}", id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldRefuseRecordingWithRuleR5AndCreateNothing() {
        String platform = newKey(newTenant(), "platform");
        as(platform).body(Map.of("name", "x", "purpose", "LESSON", "recording", true)).post("/api/v1/rooms")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:recording-prohibited"))
                .body("rule", equalTo("R5"));
        as(platform).body(Map.of("name", "x", "purpose", "LESSON", "features", List.of("VIDEO", "RECORD")))
                .post("/api/v1/rooms")
                .then().statusCode(422).body("type", equalTo("urn:roomgate:problem:recording-prohibited"));
        as(platform).get("/api/v1/rooms").then().body("", hasSize(0));

        String room = newRoom(platform, "LESSON", 5, ALL_SCOPES);
        as(platform).body(Map.of("recording", true, "name", "changed")).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(422).body("rule", equalTo("R5"));
        as(platform).get("/api/v1/rooms/{r}", room).then().body("name", equalTo("Klasse 3b Mathematik"));
    }

    @Test
    void shouldEnforceParticipantLimits() {
        String platform = newKey(newTenant(), "platform");
        as(platform).body(Map.of("name", "Sprechstunde", "purpose", "ONE_TO_ONE")).post("/api/v1/rooms")
                .then().statusCode(201).body("maxParticipants", equalTo(2));
        as(platform).body(Map.of("name", "Sprechstunde", "purpose", "ONE_TO_ONE", "maxParticipants", 3))
                .post("/api/v1/rooms")
                .then().statusCode(400).body("errors.field", contains("maxParticipants"));
        as(platform).body(Map.of("name", "Aula", "purpose", "LESSON", "maxParticipants", 51)).post("/api/v1/rooms")
                .then().statusCode(400).body("errors.field", contains("maxParticipants"));
        as(platform).body(Map.of("name", "Aula", "purpose", "LESSON", "maxParticipants", 0)).post("/api/v1/rooms")
                .then().statusCode(400).body("errors.field", contains("maxParticipants"));
        as(platform).get("/api/v1/rooms").then().body("", hasSize(1));
    }

    @Test
    void shouldRejectInvalidRoomInput() {
        String platform = newKey(newTenant(), "platform");
        as(platform).body(Map.of("purpose", "PARTY", "name", "")).post("/api/v1/rooms")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("purpose"));
        as(platform).body(Map.of("purpose", "LESSON", "name", "")).post("/api/v1/rooms")
                .then().statusCode(400).body("errors.field", contains("name"));
        as(platform).body(Map.of("purpose", "LESSON", "name", "x", "features", List.of("TELEPATHY")))
                .post("/api/v1/rooms").then().statusCode(400).body("errors.field", contains("features"));
        as(platform).body(Map.of("purpose", "LESSON", "name", "x", "idleTimeout", "15 minutes"))
                .post("/api/v1/rooms").then().statusCode(400).body("errors.field", contains("idleTimeout"));
        as(platform).body(Map.of("purpose", "LESSON", "name", "x", "maxDuration", "P30D"))
                .post("/api/v1/rooms").then().statusCode(400).body("errors.field", contains("maxDuration"));
        as(platform).body(Map.of("purpose", "LESSON", "name", "x", "idleTimeout", "PT0S"))
                .post("/api/v1/rooms").then().statusCode(400).body("errors.field", contains("idleTimeout"));
        as(platform).get("/api/v1/rooms?state=ALL").then().statusCode(400).body("errors.field", contains("state"));
        as(platform).get("/api/v1/rooms").then().body("", hasSize(0));
    }

    @Test
    void shouldPatchOpenRoomAndRefuseClosedOne() {
        String platform = newKey(newTenant(), "platform");
        String room = newRoom(platform, "LESSON", 5, ALL_SCOPES);
        as(platform).body(Map.of("name", "Klasse 3b Deutsch", "maxParticipants", 10, "features", List.of("AUDIO"),
                        "idleTimeout", "PT5M"))
                .patch("/api/v1/rooms/{r}", room)
                .then().statusCode(200)
                .body("name", equalTo("Klasse 3b Deutsch"))
                .body("maxParticipants", equalTo(10))
                .body("features", contains("AUDIO"))
                .body("idleTimeout", equalTo("PT5M"));
        as(platform).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        as(platform).body(Map.of("name", "Again")).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:room-closed"));
    }

    @Test
    void shouldCloseIdempotentlyAndEndParticipations() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        join(platform.key(), room, "teacher-1", "TEACHER");

        String firstClosedAt = as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("closedAt", notNullValue())
                .body("closeReason", equalTo("CLOSED"))
                .body("participantsNow", equalTo(0))
                .body("peakParticipants", equalTo(1))
                .body("wipe.status", not(equalTo("NONE")))
                .extract().path("closedAt");
        // What the close answered is what is stored: the second close and a read show the same time.
        org.junit.jupiter.api.Assertions.assertEquals(firstClosedAt,
                as(platform.key()).get("/api/v1/rooms/{r}", room).then().extract().<String>path("closedAt"));
        String closedAt = as(platform.key()).get("/api/v1/rooms/{r}", room).then().extract().path("closedAt");
        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200).body("closedAt", equalTo(closedAt));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("closedAt", equalTo(closedAt));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(200)
                .body("leaveReason", contains("ROOM_CLOSED"));
        as(platform.key()).get("/api/v1/rooms?state=CLOSED").then().body("id", hasItem(room));
        as(platform.key()).get("/api/v1/rooms?state=OPEN").then().body("id", not(hasItem(room)));
    }

    @Test
    void shouldKeepRoomsOfTenantsApartAndDashboardReadOnly() {
        String tenant = newTenant();
        String platform = newKey(tenant, "platform");
        String dashboard = newKey(tenant, "dashboard");
        String room = newRoom(platform, "LESSON", 5, ALL_SCOPES);

        as(dashboard).get("/api/v1/rooms/{r}", room).then().statusCode(200);
        as(dashboard).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(200);
        as(dashboard).get("/api/v1/stats").then().statusCode(200).body("openRooms", equalTo(1));
        as(dashboard).post("/api/v1/rooms/{r}/close", room).then().statusCode(403)
                .body("type", equalTo("urn:roomgate:problem:forbidden"));
        as(dashboard).body(Map.of("name", "x", "purpose", "LESSON")).post("/api/v1/rooms").then().statusCode(403);

        String stranger = newKey(newTenant(), "platform");
        as(stranger).get("/api/v1/rooms/{r}", room).then().statusCode(404).body("type", equalTo("urn:roomgate:problem:not-found"));
        as(stranger).post("/api/v1/rooms/{r}/close", room).then().statusCode(404);
        as(stranger).get("/api/v1/rooms/{r}/attendance", room).then().statusCode(404);
        as(stranger).body(Map.of("name", "x")).patch("/api/v1/rooms/{r}", room).then().statusCode(404);
        as(stranger).get("/api/v1/rooms").then().body("id", not(hasItem(room)));
        as(platform).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));
    }
}
