package org.roomgate.backend;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.roomgate.consent.Capability;
import org.roomgate.problem.DomainException;
import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;
import org.roomgate.room.Participation;

/**
 * One kind of conference backend, as the room lifecycle uses it. roomgate alone decides
 * admission (R1, R2, R10); an adapter turns an admitted participation into the backend's own
 * credential and makes the backend follow roomgate's decisions: the meeting's settings, its end,
 * a participant who must go, rights that changed. Remote calls never run inside a transaction:
 * {@link #access} runs after the admission committed, and the lifecycle calls run from the
 * reliable-calls table ({@code BackendCalls}), which retries them until the backend confirms.
 */
public interface ConferenceBackend {

    BackendKind kind();

    /**
     * Refuses, with a {@code DomainException}, an admission the backend could not hold to the
     * participant's rights (a backend that restricts rights only meeting-wide). Runs in the
     * admission transaction; must not call the backend.
     */
    default void checkAdmission(BackendSettings settings, Participation.Role role, Set<Capability> roomFeatures,
            Set<Capability> allowed) {
    }

    /** Creates the room's meeting unless it exists; idempotent. */
    void ensureMeeting(BackendSettings settings, MeetingRoom room);

    /** The backend credential of one admitted participation, for the join or refresh response. */
    BackendAccess access(BackendSettings settings, Admission admission, String joinToken);

    /**
     * Where {@code GET /api/v1/rooms/{roomId}/enter} sends an open participation's browser, made
     * at this moment. Backends whose credential is in the join response have no such step (404).
     */
    default URI enter(BackendSettings settings, MeetingRoom room, Participation participation) {
        throw DomainException.notFound("Enter step (the tenant's backend has none)");
    }

    /** Whether this backend needs to hear of the lifecycle call at all; nothing is recorded otherwise. */
    boolean wants(BackendCall.Type type, Participation.LeaveReason reason);

    /**
     * Ends the room's meeting and checks that it is gone. Returns true only when the backend
     * confirmed it; false (or {@link BackendUnavailable}) leaves the call for a retry.
     */
    boolean endMeeting(BackendSettings settings, MeetingRoom room);

    /**
     * The ids of every meeting running on the tenant's server now, roomgate's and any other
     * application's, for the sweep that ends meetings roomgate has forgotten (a database crash
     * empties the conference schema). A backend with no meetings to list answers none.
     */
    default List<String> runningMeetings(BackendSettings settings) {
        return List.of();
    }

    /** Removes one participant whose participation ended while the room stays open; true when confirmed. */
    boolean participantGone(BackendSettings settings, MeetingRoom room, UUID participationId,
            Participation.LeaveReason reason);

    /** Applies a participant's changed rights (R2); true when confirmed. */
    boolean capabilitiesChanged(BackendSettings settings, MeetingRoom room, UUID participationId, List<String> capabilities);

    /**
     * Verifies a delivery to {@code /api/v1/backend-events/{tenantId}} by the backend's own
     * signature scheme and returns what it reports. A delivery that does not verify throws
     * {@code AuthenticationFailedException} (401), and nothing changes.
     */
    List<BackendEvent> receive(BackendSettings settings, Delivery delivery);
}
