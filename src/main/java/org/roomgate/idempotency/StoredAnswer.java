package org.roomgate.idempotency;

import java.time.Instant;
import java.util.Arrays;

/**
 * A first answer as kept for its retries: status, {@code Location} and either the body as sent or,
 * for a {@link Replay}, what it derives the answer from.
 */
record StoredAnswer(byte[] fingerprint, int status, String location, byte[] body, Instant createdAt) {

    boolean sameRequest(byte[] otherFingerprint) {
        return Arrays.equals(fingerprint, otherFingerprint);
    }
}
