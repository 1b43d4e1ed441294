package org.roomgate.backend;

/** The backend did not answer, or answered with an error: the call is retried later. No personal data in the message. */
public class BackendUnavailable extends RuntimeException {

    public BackendUnavailable(String message) {
        super(message, null, false, false);
    }
}
