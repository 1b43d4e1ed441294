package org.roomgate.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.room.RoomEvents.CapabilitiesChanged;
import org.roomgate.room.RoomEvents.ParticipationEnded;
import org.roomgate.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;

/** The events a conference backend relies on to follow participants (leave, withdrawal, narrower rights). */
@QuarkusTest
class RoomEventsTest {

    @Inject
    Recorder recorder;

    @Inject
    TestClock clock;

    @Inject
    AutoCloseJob sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldAnnounceEachEndedParticipationWithItsReason() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        grantConsent(platform.key(), "p-2", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String left = join(platform.key(), room, "p-1", "PUPIL").path("participationId");
        String withdrawn = join(platform.key(), room, "p-2", "PUPIL").path("participationId");

        as(platform.key()).body(Map.of("participationId", left)).post("/api/v1/rooms/{r}/leave", room)
                .then().statusCode(204);
        as(platform.key()).body(Map.of("participationId", left)).post("/api/v1/rooms/{r}/leave", room)
                .then().statusCode(204);
        as(platform.key()).delete("/api/v1/subjects/p-2/consent").then().statusCode(204);

        List<ParticipationEnded> ended = recorder.ended.stream()
                .filter(e -> e.roomId().equals(UUID.fromString(room))).toList();
        assertEquals(2, ended.size(), "one event per participation, none for the repeated leave");
        assertEquals(UUID.fromString(left), ended.get(0).participationId());
        assertEquals(Participation.LeaveReason.LEFT, ended.get(0).reason());
        assertEquals(UUID.fromString(withdrawn), ended.get(1).participationId());
        assertEquals(Participation.LeaveReason.CONSENT_WITHDRAWN, ended.get(1).reason());
        assertEquals(platform.tenantId(), ended.get(1).tenantId());
    }

    @Test
    void shouldAnnounceNarrowerCapabilitiesOnlyWhenTheyChange() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String participation = join(platform.key(), room, "p-1", "PUPIL").path("participationId");

        as(platform.key()).body(Map.of("name", "Klasse 3b Deutsch")).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", List.of("AUDIO", "CHAT"), ALL_PURPOSES);
        as(platform.key()).body(Map.of("features", List.of("AUDIO"))).patch("/api/v1/rooms/{r}", room)
                .then().statusCode(200);

        List<CapabilitiesChanged> changed = recorder.changed.stream()
                .filter(e -> e.roomId().equals(UUID.fromString(room))).toList();
        assertEquals(2, changed.size(), "a rename changes no rights");
        assertEquals(UUID.fromString(participation), changed.get(0).participationId());
        assertEquals(List.of("AUDIO", "CHAT"), changed.get(0).capabilities());
        assertEquals(List.of("AUDIO"), changed.get(1).capabilities());
    }

    @Test
    void shouldAnnounceEndsByErasureExpiryAndReconsent() {
        var platform = newPlatformWithPolicy();
        String room = as(platform.key()).body(Map.of("name", "3b", "purpose", "LESSON", "maxDuration", "P2D"))
                .post("/api/v1/rooms").then().statusCode(201).extract().path("id");
        grantConsent(platform.key(), "p-erased", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        Map<String, Object> expiring = new HashMap<>(org.roomgate.support.Api.consent("2020-11-19", ALL_SCOPES, ALL_PURPOSES));
        expiring.put("validUntil", LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))).toString());
        as(platform.key()).body(expiring).put("/api/v1/subjects/p-expired/consent").then().statusCode(200);
        grantConsent(platform.key(), "p-outdated", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String erased = join(platform.key(), room, "p-erased", "PUPIL").path("participationId");
        String expired = join(platform.key(), room, "p-expired", "PUPIL").path("participationId");
        String outdated = join(platform.key(), room, "p-outdated", "PUPIL").path("participationId");

        as(platform.key()).delete("/api/v1/subjects/p-erased").then().statusCode(200);
        clock.advance(Duration.ofDays(1));
        sweep.endExpiredConsents();
        org.roomgate.support.Api.publishPolicy(platform.key(), "2022-08-01", true);

        List<ParticipationEnded> ended = recorder.ended.stream()
                .filter(e -> e.roomId().equals(UUID.fromString(room))).toList();
        assertEquals(List.of(UUID.fromString(erased), UUID.fromString(expired), UUID.fromString(outdated)),
                ended.stream().map(ParticipationEnded::participationId).toList());
        assertEquals(List.of(Participation.LeaveReason.CONSENT_WITHDRAWN, Participation.LeaveReason.CONSENT_EXPIRED,
                Participation.LeaveReason.CONSENT_OUTDATED), ended.stream().map(ParticipationEnded::reason).toList());
    }

    /** A singleton, not a normal-scoped bean: the test reads its fields, which a client proxy would not forward. */
    @Singleton
    static class Recorder {
        final List<ParticipationEnded> ended = new CopyOnWriteArrayList<>();
        final List<CapabilitiesChanged> changed = new CopyOnWriteArrayList<>();

        void onEnded(@Observes ParticipationEnded event) {
            ended.add(event);
        }

        void onChanged(@Observes CapabilitiesChanged event) {
            changed.add(event);
        }
    }
}
