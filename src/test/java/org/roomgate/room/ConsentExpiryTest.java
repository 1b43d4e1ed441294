package org.roomgate.room;

import static org.hamcrest.Matchers.equalTo;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

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

/** A consent whose validUntil passes during a conference ends the pupil's participation at the next sweep (R1). */
@QuarkusTest
class ConsentExpiryTest {

    /** roomgate.consent.zone: a consent holds to the end of its validUntil day there. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    AutoCloseJob sweep;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldEndPupilWhoseConsentExpiredAndKeepTheOthers() {
        var platform = newPlatformWithPolicy();
        clock.advanceToBeforeMidnight(BERLIN, Duration.ofMinutes(10));
        grantUntilToday(platform.key(), "p-1");
        grantConsent(platform.key(), "p-2", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String expiring = join(platform.key(), room, "p-1", "PUPIL").path("token");
        join(platform.key(), room, "p-2", "PUPIL");
        join(platform.key(), room, "t-1", "TEACHER");

        sweep.endExpiredConsents();
        as(expiring).body(Map.of("text", "heute noch")).post("/api/v1/rooms/{r}/chat", room).then().statusCode(201);

        clock.advance(Duration.ofMinutes(15));
        sweep.endExpiredConsents();

        // The token itself is still valid for most of an hour: it is the ended participation that refuses it.
        as(expiring).body(Map.of("text", "abgelaufen")).post("/api/v1/rooms/{r}/chat", room).then().statusCode(401);
        as(expiring).post("/api/v1/rooms/{r}/token", room).then().statusCode(401);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(2));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then()
                .body("find { it.subjectId == 'p-1' }.leaveReason", equalTo("CONSENT_EXPIRED"))
                .body("find { it.subjectId == 'p-2' }.leftAt", equalTo(null))
                .body("find { it.subjectId == 't-1' }.leftAt", equalTo(null));
    }

    @Test
    void shouldKeepPupilWhoseConsentWasRenewedBeforeTheSweep() {
        var platform = newPlatformWithPolicy();
        clock.advanceToBeforeMidnight(BERLIN, Duration.ofMinutes(10));
        grantUntilToday(platform.key(), "p-1");
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        String token = join(platform.key(), room, "p-1", "PUPIL").path("token");

        clock.advance(Duration.ofMinutes(15));
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        sweep.endExpiredConsents();

        as(token).body(Map.of("text", "erneuert")).post("/api/v1/rooms/{r}/chat", room).then().statusCode(201);
        as(platform.key()).get("/api/v1/rooms/{r}", room).then().body("participantsNow", equalTo(1));
    }

    private void grantUntilToday(String key, String subject) {
        Map<String, Object> consent = new HashMap<>(Api.consent("2020-11-19", ALL_SCOPES, ALL_PURPOSES));
        consent.put("validUntil", LocalDate.now(clock.withZone(BERLIN)).toString());
        as(key).body(consent).put("/api/v1/subjects/{s}/consent", subject).then().statusCode(200);
    }
}
