package org.roomgate.backend;

import org.roomgate.logtext.LogText;

/**
 * The backend did not answer, or answered with an error: the call is retried later. No personal
 * data in the message, and what the backend sent in it is escaped ({@link LogText}), so the
 * message is safe to log and to store as a call's last outcome.
 */
public class BackendUnavailable extends RuntimeException {

    public BackendUnavailable(String message) {
        super(LogText.of(message), null, false, false);
    }
}
