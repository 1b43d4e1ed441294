package org.roomgate.retention;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.publishPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.content.WipeService;
import org.roomgate.support.LogCapture;
import org.roomgate.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;

/** R4: a whole conference's flow, full of personal data and content, leaves none of it in the log. */
@QuarkusTest
class PersonalDataLogTest {

    private final LogCapture capture = new LogCapture();

    @Inject
    TestClock clock;

    @Inject
    PurgeJob purgeJob;

    @Inject
    WipeService wipes;

    @BeforeEach
    void captureLog() {
        capture.start();
    }

    @AfterEach
    void stopCapture() {
        capture.stop();
        clock.reset();
    }

    @Test
    void shouldLogNoNamesAddressesBrowsersOrContent() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String schoolName = "Grundschule " + marker;
        String guardian = "Erika Mustermann-" + marker;
        String pupil = "Max Muster-" + marker;
        String roomName = "Klasse 3b " + marker;
        String ip = "198.51.100." + (marker.hashCode() & 0x7f);
        String browser = "Mozilla/5.0 Browser-" + marker;
        String chat = "Geheimnis " + marker;
        String fileName = "Zeugnis-" + marker + ".pdf";

        String tenant = "log-" + marker;
        asOps().body(Map.of("id", tenant, "name", schoolName)).post("/api/v1/tenants").then().statusCode(201);
        String platform = newKey(tenant, "platform");
        publishPolicy(platform, "2020-11-19", true);
        as(platform).body(Map.of("policyVersion", "2020-11-19", "grantedBy", Map.of("name", guardian, "relation", "GUARDIAN"),
                "scopes", ALL_SCOPES, "purposes", ALL_PURPOSES)).put("/api/v1/subjects/p-1/consent").then().statusCode(200);
        // A refused request that carries the personal data too.
        as(platform).body(Map.of("policyVersion", "2020-11-19", "grantedBy", Map.of("name", guardian + "x".repeat(300),
                "relation", "GUARDIAN"), "scopes", ALL_SCOPES, "purposes", ALL_PURPOSES))
                .put("/api/v1/subjects/p-1/consent").then().statusCode(400);
        String room = as(platform).body(Map.of("name", roomName, "purpose", "LESSON")).post("/api/v1/rooms")
                .then().statusCode(201).extract().path("id");
        String token = as(platform).body(Map.of("subjectId", "p-1", "displayName", pupil, "role", "PUPIL",
                "clientIp", ip, "userAgent", browser)).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(200).extract().path("token");
        as(platform).body(Map.of("subjectId", "p-2", "displayName", pupil, "role", "PUPIL", "clientIp", ip,
                "userAgent", browser)).post("/api/v1/rooms/{r}/join", room).then().statusCode(403);
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
        as(token).body(Map.of("text", chat)).post("/api/v1/rooms/{r}/chat", room).then().statusCode(201);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .multiPart("file", fileName, chat.getBytes(), "application/pdf")
                .post("/api/v1/rooms/{r}/files", room).then().statusCode(201);
        as(token).body(Map.of("text", chat + "x".repeat(4001))).post("/api/v1/rooms/{r}/chat", room).then().statusCode(400);
        as(platform).delete("/api/v1/subjects/p-1/consent").then().statusCode(204);
        as(platform).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        wipes.wipeNext(100);
        clock.advance(Duration.ofDays(8));
        purgeJob.run();
        as(platform).get("/api/v1/rooms/{r}", room).then().statusCode(404);

        String log = capture.text();
        assertTrue(log.contains(room), "the capture saw the flow (room ids are logged):\n" + log);
        for (String personal : List.of(schoolName, guardian, pupil, roomName, ip, browser, chat, fileName, marker + "x")) {
            assertFalse(log.contains(personal), "the log holds '" + personal + "':\n" + log);
        }
    }
}
