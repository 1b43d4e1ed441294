package org.roomgate.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.roomgate.room.RoomEvents.CapabilitiesChanged;
import org.roomgate.room.RoomEvents.ParticipationEnded;

import io.quarkus.test.junit.QuarkusTest;

/** The events a conference backend relies on to follow participants (leave, withdrawal, narrower rights). */
@QuarkusTest
class RoomEventsTest {

    @Inject
    Recorder recorder;

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
