package org.roomgate.idempotency;

/**
 * The first answer, given again to a retry. A resource method's declared type cannot carry a
 * stored response, so the interceptor throws it after its transaction ended and
 * {@link ReplayedMapper} sends it as it is.
 */
final class Replayed extends RuntimeException {

    private final transient jakarta.ws.rs.core.Response response;

    Replayed(jakarta.ws.rs.core.Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    jakarta.ws.rs.core.Response response() {
        return response;
    }
}
