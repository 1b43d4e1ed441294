package org.roomgate.room;

import java.time.Instant;
import java.util.UUID;

/** Synchronous CDI events of a room's life, fired inside the transaction that causes them. */
public final class RoomEvents {

    private RoomEvents() {
    }

    /** The room closed: its content must become unreadable in this same transaction (R6). */
    public record RoomClosed(String tenantId, UUID roomId, Instant closedAt) {
    }
}
