package org.roomgate.room;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Synchronous CDI events of a room's life, fired inside the transaction that causes them. */
public final class RoomEvents {

    private RoomEvents() {
    }

    /** A room was created: its content key must exist before anyone can post. */
    public record RoomOpened(String tenantId, UUID roomId) {
    }

    /** The room closed: its content must become unreadable in this same transaction (R6). */
    public record RoomClosed(String tenantId, UUID roomId, Instant closedAt) {
    }

    /**
     * One participation ended while its room stays open (leave, withdrawal, erasure, a consent that
     * no longer counts): a conference backend must remove that participant too. A room's close
     * ends all its participations at once and is announced by {@link RoomClosed} alone.
     */
    public record ParticipationEnded(String tenantId, UUID roomId, UUID participationId,
            Participation.LeaveReason reason, Instant endedAt) {
    }

    /**
     * What an open participation may do changed (a consent or the room's features narrowed or
     * widened, R2): a backend that enforces rights per participant applies the new set at once.
     */
    public record CapabilitiesChanged(String tenantId, UUID roomId, UUID participationId, List<String> capabilities) {
    }
}
