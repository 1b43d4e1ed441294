package org.roomgate.content;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.consent.Capability;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.Participant;
import org.roomgate.room.ParticipantAccess;

/**
 * Who may read and write a room's content: an open participation in this open room (410 once
 * closed), and for contributions the capability of the participation as it is now (R2), not
 * as the token says.
 */
@ApplicationScoped
public class ContentAccess {

    private final ParticipantAccess participants;
    private final ContentKeys keys;

    ContentAccess(ParticipantAccess participants, ContentKeys keys) {
        this.participants = participants;
        this.keys = keys;
    }

    /** For reading: the caller's participation and the room's key. */
    public ContentScope read(UUID roomId) {
        Participant me = participants.require(roomId);
        return new ContentScope(me, key(roomId));
    }

    /**
     * For contributing: as {@link #read}, with the room held open (FOR SHARE) until commit, so a
     * close waits for this write and no content lands in a room after its key is gone, nor after
     * a withdrawal or leave that ended the participation.
     */
    public ContentScope contribute(UUID roomId, Capability needed) {
        Participant me = participants.requireHoldingRoom(roomId);
        if (!me.may(needed)) {
            throw new DomainException(ProblemType.CAPABILITY_MISSING,
                    "This participant may not use " + needed + " here: the room, the consent or the role does not allow it.", "R2");
        }
        return new ContentScope(me, key(roomId));
    }

    private byte[] key(UUID roomId) {
        return keys.keyOf(roomId).orElseThrow(ContentAccess::closed);
    }

    private static DomainException closed() {
        return new DomainException(ProblemType.ROOM_GONE, "The room is closed; its content is deleted.", "R6");
    }
}
