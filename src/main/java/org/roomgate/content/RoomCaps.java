package org.roomgate.content;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/**
 * Per-room bounds on stored content, so that one participant cannot make every read of the
 * room large (issue 11). Writes hold the room only FOR SHARE, so concurrent writers may pass
 * the bound by at most their number.
 */
final class RoomCaps {

    private RoomCaps() {
    }

    static void refuseBeyond(long stored, int max, String what, String setting) {
        if (stored >= max) {
            throw new DomainException(ProblemType.QUOTA_EXCEEDED,
                    "This room holds " + stored + " " + what + ", the most allowed (" + setting + ").");
        }
    }
}
