package org.roomgate.idempotency;

/**
 * An answer that must not be stored as sent and is derived anew for a retry instead: a join
 * answer holds a bearer token, which would outlive a consent withdrawn in between (R1). An
 * implementation is a CDI bean named by {@link Idempotent#replay()}.
 */
public interface Replay {

    /** What to keep of the first answer's entity: only what the retry's answer is derived from. */
    String keep(Object entity);

    /** The retry's answer entity, from what {@link #keep} returned; a failure throws its problem. */
    Object answer(String kept);

    /**
     * The arguments the request's fingerprint covers; by default all of them. Leave out what must
     * not be stored in any form, not even hashed (R4: a pupil's IP address and browser string).
     */
    default Object[] fingerprinted(Object[] arguments) {
        return arguments;
    }
}
