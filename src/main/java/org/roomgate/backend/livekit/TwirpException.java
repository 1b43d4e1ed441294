package org.roomgate.backend.livekit;

/**
 * A RoomService call that failed: a Twirp error ({@code {"code":…,"msg":…}} with its HTTP status),
 * or no answer at all (status 0). The message never holds the request, which may name a person.
 */
public class TwirpException extends RuntimeException {

    private final int status;
    private final String code;

    TwirpException(String method, int status, String code) {
        super("LiveKit " + method + " failed: " + (status == 0 ? "no answer" : status + " " + code));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Twirp's not_found: the room or participant is already gone, which is what a removal wants. */
    public boolean notFound() {
        return "not_found".equals(code);
    }

    /** Worth another try later: no answer, a server error, or LiveKit's own "try again" codes. */
    public boolean retryable() {
        return status == 0 || status >= 500 || "unavailable".equals(code) || "resource_exhausted".equals(code)
                || "deadline_exceeded".equals(code);
    }
}
