package org.roomgate.room;

import java.time.Instant;
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
}
