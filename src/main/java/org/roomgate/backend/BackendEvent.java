package org.roomgate.backend;

import java.time.Instant;
import java.util.UUID;

/** What a backend reports about a room of the tenant whose endpoint received it. */
public sealed interface BackendEvent {

    UUID roomId();

    /** Someone entered the meeting as this participation. */
    record ParticipantJoined(UUID roomId, UUID participationId) implements BackendEvent {
    }

    /** The participation left the meeting at this time. */
    record ParticipantLeft(UUID roomId, UUID participationId, Instant at) implements BackendEvent {
    }

    /** The meeting ended on the backend. */
    record MeetingEnded(UUID roomId) implements BackendEvent {
    }
}
