package org.roomgate.idempotency;

import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts a stored answer about a room under that room's content key, so that it becomes
 * unreadable with the room's content at the close (R6), whatever copies of it remain. The
 * content feature implements it; this package only stores what it is given.
 */
public interface AnswerSeal {

    /** The body encrypted under the room's key; empty when the room has none any more (closed). */
    Optional<byte[]> seal(UUID roomId, byte[] body);

    /** The body; empty when the room's key is gone. */
    Optional<byte[]> open(UUID roomId, byte[] sealed);
}
