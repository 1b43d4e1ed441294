package org.roomgate.room;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api;
import org.roomgate.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What the real scheduler does within one interval: idle rooms close, expired consents end participations. */
@QuarkusTest
@TestProfile(ShortAutoCloseProfile.class)
class AutoCloseSchedulerTest {

    private static final Duration ONE_INTERVAL_AND_SLACK = Duration.ofSeconds(10);

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldAutoCloseIdleRoomWithinOneInterval() {
        var platform = newPlatformWithPolicy();
        String room = as(platform.key()).body(Map.of("name", "short", "purpose", "LESSON", "idleTimeout", "PT1S"))
                .post("/api/v1/rooms").then().statusCode(201).body("idleTimeout", equalTo("PT1S")).extract().path("id");

        await().atMost(ONE_INTERVAL_AND_SLACK).pollInterval(Duration.ofMillis(200)).until(() ->
                "CLOSED".equals(as(platform.key()).get("/api/v1/rooms/{r}", room).then().extract().path("state")));
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("closeReason", equalTo("IDLE_TIMEOUT"));
    }

    @Test
    void shouldEndParticipationOfExpiredConsentWithinOneInterval() {
        var platform = newPlatformWithPolicy();
        clock.advanceToBeforeMidnight(ZoneId.of("Europe/Berlin"), Duration.ofMinutes(10));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")));
        Map<String, Object> consent = new HashMap<>(Api.consent("2020-11-19", ALL_SCOPES, ALL_PURPOSES));
        consent.put("validUntil", today.toString());
        as(platform.key()).body(consent).put("/api/v1/subjects/p-1/consent").then().statusCode(200);
        String room = as(platform.key()).body(Map.of("name", "3b", "purpose", "LESSON"))
                .post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        String token = join(platform.key(), room, "p-1", "PUPIL").path("token");

        clock.advance(Duration.ofMinutes(15));

        await().atMost(ONE_INTERVAL_AND_SLACK).pollInterval(Duration.ofMillis(200)).until(() ->
                as(platform.key()).get("/api/v1/rooms/{r}", room).then().extract().<Integer>path("participantsNow") == 0);
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("leaveReason", contains("CONSENT_EXPIRED"));
        as(token).body(Map.of("text", "noch da?")).post("/api/v1/rooms/{r}/chat", room).then().statusCode(401);
    }
}
