package org.roomgate.problem;

import java.net.URI;

/**
 * The contract's error vocabulary (API.md "Errors"). Each type has one status and one title,
 * so every caller sees the same words for the same failure.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", 400, "Request is not valid"),
    UNAUTHENTICATED("unauthenticated", 401, "Missing or invalid credential"),
    FORBIDDEN("forbidden", 403, "Not allowed for this caller"),
    CONSENT_MISSING("consent-missing", 403, "No active consent"),
    CONSENT_OUTDATED("consent-outdated", 403, "Consent is for a superseded policy version"),
    CONSENT_PURPOSE("consent-purpose", 403, "Consent does not cover the room's purpose"),
    CONSENT_SCOPE("consent-scope", 403, "Consent does not cover the meeting's viewer rights"),
    CAPABILITY_MISSING("capability-missing", 403, "Capability missing"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    ROOM_FULL("room-full", 409, "Room is full"),
    ROOM_CLOSED("room-closed", 409, "Room is closed"),
    ROOM_GONE("room-closed", 410, "Room is closed"),
    CONFLICT("conflict", 409, "Conflict"),
    QUOTA_EXCEEDED("quota-exceeded", 409, "Quota exceeded"),
    /** draft-ietf-httpapi-idempotency-key-header: a retry while the first request still runs. */
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409, "A request with this Idempotency-Key is in progress"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RECORDING_PROHIBITED("recording-prohibited", 422, "Recording is prohibited"),
    /** The same draft: a key sent again with a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key already used for another request"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Service temporarily unavailable");

    private static final String PREFIX = "urn:roomgate:problem:";

    private final String slug;
    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.uri = URI.create(PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    /** The type's short name, the last part of its URI (e.g. {@code room-full}). */
    public String slug() {
        return slug;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type a framework error of this HTTP status maps to. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : VALIDATION_FAILED;
        };
    }
}
