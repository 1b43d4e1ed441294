package org.roomgate.content;

import java.util.UUID;

import org.roomgate.room.Participant;

/** A participant's access to one open room's content: who it is, and the room's key. */
record ContentScope(Participant me, byte[] key) {

    UUID roomId() {
        return me.roomId();
    }

    byte[] seal(byte[] plain) {
        return ContentCipher.encrypt(roomId(), key, plain);
    }

    byte[] open(byte[] stored) {
        return ContentCipher.decrypt(roomId(), key, stored);
    }
}
