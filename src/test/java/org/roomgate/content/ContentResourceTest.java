package org.roomgate.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.newRoom;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ContentResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldPostAndReadChat() {
        var f = ContentFixture.create();
        long first = as(f.pupilToken()).body(Map.of("text", "Guten Morgen!")).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(201)
                .body("text", equalTo("Guten Morgen!"))
                .body("authorName", equalTo("Max M."))
                .body("createdAt", notNullValue())
                .extract().<Number>path("id").longValue();
        as(f.teacherToken()).body(Map.of("text", "Hallo Klasse")).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(201);
        as(f.teacherToken()).get("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(200)
                .body("text", contains("Guten Morgen!", "Hallo Klasse"));
        as(f.pupilToken()).get("/api/v1/rooms/{r}/chat?after={a}", f.roomId(), first).then()
                .body("text", contains("Hallo Klasse"));
    }

    @Test
    void shouldRefuseChatBeyondLimitsOrCapability() {
        var f = ContentFixture.create(ALL_SCOPES, List.of("AUDIO", "VIDEO"));
        as(f.pupilToken()).body(Map.of("text", "hi")).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:capability-missing"))
                .body("rule", equalTo("R2"));
        as(f.teacherToken()).body(Map.of("text", "x".repeat(4001))).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(400).body("errors.field", contains("text"));
        as(f.teacherToken()).body(Map.of("text", "x".repeat(4000))).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(201);
        as(f.teacherToken()).get("/api/v1/rooms/{r}/chat", f.roomId()).then().body("", hasSize(1));
    }

    @Test
    void shouldRefuseTokenOfAnotherRoomAndAnswerGoneAfterClose() {
        var f = ContentFixture.create();
        String other = newRoom(f.platformKey(), "LESSON", 5, ALL_SCOPES);
        as(f.pupilToken()).body(Map.of("text", "hi")).post("/api/v1/rooms/{r}/chat", other)
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:forbidden"));

        as(f.platformKey()).post("/api/v1/rooms/{r}/close", f.roomId()).then().statusCode(200);

        as(f.pupilToken()).get("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:room-closed"));
        as(f.teacherToken()).body(Map.of("text", "hi")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(410);
        as(f.teacherToken()).get("/api/v1/rooms/{r}/files", f.roomId()).then().statusCode(410);
    }

    @Test
    void shouldShareFilesAsEncryptedAttachments() throws Exception {
        var f = ContentFixture.create();
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String id = given().header("Authorization", "Bearer " + f.pupilToken())
                .multiPart("file", "Arbeitsblatt 3b.pdf", bytes, "application/pdf")
                .post("/api/v1/rooms/{r}/files", f.roomId())
                .then().statusCode(201)
                .body("name", equalTo("Arbeitsblatt 3b.pdf"))
                .body("size", equalTo(200_000))
                .body("contentType", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256))
                .extract().path("id");
        as(f.teacherToken()).get("/api/v1/rooms/{r}/files", f.roomId()).then().body("id", contains(id));
        byte[] downloaded = given().header("Authorization", "Bearer " + f.teacherToken())
                .get("/api/v1/rooms/{r}/files/{f}", f.roomId(), id)
                .then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=\"Arbeitsblatt 3b.pdf\""))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo("sandbox"))
                .contentType("application/pdf")
                .extract().asByteArray();
        assertArrayEquals(bytes, downloaded);
    }

    @Test
    void shouldRefuseMissingPartOversizedFileAndMissingCapability() {
        var f = ContentFixture.create(List.of("AUDIO", "CHAT"), ALL_SCOPES);
        given().header("Authorization", "Bearer " + f.teacherToken()).multiPart("other", "x")
                .post("/api/v1/rooms/{r}/files", f.roomId())
                .then().statusCode(400).body("errors.field", contains("file"));
        given().header("Authorization", "Bearer " + f.pupilToken()).multiPart("file", "a.txt", new byte[10], "text/plain")
                .post("/api/v1/rooms/{r}/files", f.roomId())
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:capability-missing"));
        as(f.teacherToken()).get("/api/v1/rooms/{r}/files", f.roomId()).then().body("", hasSize(0));
    }

    @Test
    void shouldRefuseFileOverTheConfiguredLimit() {
        var f = ContentFixture.create();
        // The test profile sets roomgate.files.max-size=1M.
        given().header("Authorization", "Bearer " + f.teacherToken())
                .multiPart("file", "big.bin", new byte[1024 * 1024 + 1], "application/octet-stream")
                .post("/api/v1/rooms/{r}/files", f.roomId())
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:payload-too-large"));
        given().header("Authorization", "Bearer " + f.teacherToken())
                .multiPart("file", "fits.bin", new byte[1024 * 1024], "application/octet-stream")
                .post("/api/v1/rooms/{r}/files", f.roomId())
                .then().statusCode(201).body("size", equalTo(1024 * 1024));
        as(f.teacherToken()).get("/api/v1/rooms/{r}/files", f.roomId()).then().body("name", contains("fits.bin"));
    }

    @Test
    void shouldDrawAndLetOnlyModeratorsClearTheWhiteboard() {
        var f = ContentFixture.create();
        as(f.pupilToken()).body(Map.of("data", Map.of("tool", "pen", "points", List.of(List.of(1, 2), List.of(3, 4)))))
                .post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                .then().statusCode(201).body("data.tool", equalTo("pen"));
        as(f.pupilToken()).body(Map.of("data", List.of(1, 2))).post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                .then().statusCode(400).body("errors.field", contains("data"));
        as(f.pupilToken()).body(Map.of("data", Map.of("blob", "x".repeat(70_000))))
                .post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                .then().statusCode(413).body("type", equalTo("urn:roomgate:problem:payload-too-large"));
        as(f.teacherToken()).get("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId()).then().body("", hasSize(1))
                .body("[0].data.points[1][0]", equalTo(3));

        as(f.pupilToken()).delete("/api/v1/rooms/{r}/whiteboard", f.roomId()).then().statusCode(403)
                .body("type", equalTo("urn:roomgate:problem:capability-missing"));
        as(f.teacherToken()).delete("/api/v1/rooms/{r}/whiteboard", f.roomId()).then().statusCode(204);
        as(f.teacherToken()).get("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId()).then().body("", hasSize(0));
    }

    @Test
    void shouldRunPollsWithOneVotePerParticipant() {
        var f = ContentFixture.create();
        Map<String, Object> poll = Map.of("question", "Welche Aufgabe zuerst?", "options", List.of("A1", "A2", "A3"));
        as(f.pupilToken()).body(poll).post("/api/v1/rooms/{r}/polls", f.roomId()).then().statusCode(403);
        String id = as(f.teacherToken()).body(poll).post("/api/v1/rooms/{r}/polls", f.roomId())
                .then().statusCode(201).body("options", contains("A1", "A2", "A3")).extract().path("id");

        as(f.pupilToken()).body(Map.of("option", 1)).post("/api/v1/rooms/{r}/polls/{p}/votes", f.roomId(), id)
                .then().statusCode(201).body("votes", contains(0, 1, 0)).body("totalVotes", equalTo(1));
        as(f.pupilToken()).body(Map.of("option", 2)).post("/api/v1/rooms/{r}/polls/{p}/votes", f.roomId(), id)
                .then().statusCode(409).body("type", equalTo("urn:roomgate:problem:conflict"));
        as(f.teacherToken()).body(Map.of("option", 3)).post("/api/v1/rooms/{r}/polls/{p}/votes", f.roomId(), id)
                .then().statusCode(400).body("errors.field", contains("option"));
        as(f.teacherToken()).body(Map.of("option", 0)).post("/api/v1/rooms/{r}/polls/{p}/votes", f.roomId(), id)
                .then().statusCode(201);
        as(f.pupilToken()).get("/api/v1/rooms/{r}/polls/{p}", f.roomId(), id).then().statusCode(200)
                .body("question", equalTo("Welche Aufgabe zuerst?"))
                .body("votes", contains(1, 1, 0));
        as(f.teacherToken()).body(Map.of("question", "?", "options", List.of("only one")))
                .post("/api/v1/rooms/{r}/polls", f.roomId()).then().statusCode(400);
    }

    @Test
    void shouldShowStatusOfParticipants() {
        var f = ContentFixture.create(ALL_SCOPES, List.of("AUDIO"));
        as(f.teacherToken()).body(Map.of("status", "AWAY")).put("/api/v1/rooms/{r}/status", f.roomId())
                .then().statusCode(200).body("status", equalTo("AWAY"));
        as(f.pupilToken()).body(Map.of("status", "RAISED_HAND")).put("/api/v1/rooms/{r}/status", f.roomId())
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:capability-missing"));
        as(f.teacherToken()).body(Map.of("status", "DANCING")).put("/api/v1/rooms/{r}/status", f.roomId())
                .then().statusCode(400);
        as(f.pupilToken()).get("/api/v1/rooms/{r}/participants", f.roomId()).then().statusCode(200)
                .body("role", contains("PUPIL", "TEACHER"))
                .body("status", contains("NONE", "AWAY"));
    }

    @Test
    void shouldRefuseContentOfWithdrawnPupilAtOnce() {
        var f = ContentFixture.create();
        as(f.pupilToken()).body(Map.of("text", "before")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        as(f.platformKey()).body(Map.of("policyVersion", "2020-11-19",
                        "grantedBy", Map.of("name", "Erika Mustermann", "relation", "GUARDIAN"),
                        "scopes", List.of("AUDIO"), "purposes", List.of("LESSON")))
                .put("/api/v1/subjects/p-1/consent").then().statusCode(200);
        as(f.pupilToken()).body(Map.of("text", "after narrowing")).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:capability-missing"));
        as(f.platformKey()).delete("/api/v1/subjects/p-1/consent").then().statusCode(204);
        as(f.pupilToken()).get("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(401);
        given().contentType(ContentType.JSON).get("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(401);
        as(f.teacherToken()).get("/api/v1/rooms/{r}/chat", f.roomId()).then().body("text", contains("before"));
    }
}
