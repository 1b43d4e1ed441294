package org.roomgate.content;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.idempotency.AnswerSeal;

/**
 * Stored retry answers can quote content (a chat text, a file name): they are encrypted like the
 * content itself, under the room's key, which the close deletes.
 */
@ApplicationScoped
class ContentAnswerSeal implements AnswerSeal {

    private final ContentKeys keys;

    ContentAnswerSeal(ContentKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<byte[]> seal(UUID roomId, byte[] body) {
        return keys.keyOf(roomId).map(key -> ContentCipher.encrypt(roomId, key, body));
    }

    @Override
    public Optional<byte[]> open(UUID roomId, byte[] sealed) {
        return keys.keyOf(roomId).map(key -> ContentCipher.decrypt(roomId, key, sealed));
    }
}
