package org.roomgate.backend;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.roomgate.room.Participation;
import org.roomgate.room.RoomEvents.CapabilitiesChanged;
import org.roomgate.room.RoomEvents.ParticipationEnded;
import org.roomgate.room.RoomEvents.RoomClosed;

/**
 * Turns a room's life into calls its tenant's backend owes, recorded in the transaction of the
 * change itself (synchronous observers). Nothing here talks to a backend.
 */
@ApplicationScoped
public class RoomLifecycle {

    private final BackendCalls calls;

    RoomLifecycle(BackendCalls calls) {
        this.calls = calls;
    }

    void onClosed(@Observes RoomClosed event) {
        record(event.tenantId(), BackendCall.Type.END_MEETING, event.roomId(), null, null);
    }

    void onParticipationEnded(@Observes ParticipationEnded event) {
        record(event.tenantId(), BackendCall.Type.PARTICIPANT_GONE, event.roomId(), event.participationId(), event.reason());
    }

    void onCapabilitiesChanged(@Observes CapabilitiesChanged event) {
        record(event.tenantId(), BackendCall.Type.CAPABILITIES_CHANGED, event.roomId(), event.participationId(), null);
    }

    private void record(String tenantId, BackendCall.Type type, UUID roomId, UUID participationId,
            Participation.LeaveReason reason) {
        TenantBackend backend = TenantBackend.findById(tenantId);
        if (backend != null && backend.kind != BackendKind.NATIVE) {
            calls.record(backend.kind, tenantId, type, roomId, participationId, reason);
        }
    }
}
