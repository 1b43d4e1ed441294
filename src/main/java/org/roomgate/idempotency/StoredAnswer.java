package org.roomgate.idempotency;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A first answer as kept for its retries: status, {@code Location} and either the body as sent or,
 * for a {@link Replay}, what it derives the answer from; {@code sealed} when the body is encrypted
 * under the key of {@code roomId}.
 */
record StoredAnswer(byte[] fingerprint, UUID roomId, int status, String location, byte[] body, boolean sealed,
        Instant createdAt) {

    boolean sameRequest(byte[] otherFingerprint) {
        return Arrays.equals(fingerprint, otherFingerprint);
    }
}
