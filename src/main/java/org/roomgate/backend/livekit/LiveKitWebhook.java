package org.roomgate.backend.livekit;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified LiveKit webhook event: what roomgate acts on and nothing else (no names, no
 * addresses). {@code identity} is empty for room events; {@code createdAt} is null when absent.
 */
public record LiveKitWebhook(String id, String event, String room, String identity, Instant createdAt) {

    public static final String PARTICIPANT_JOINED = "participant_joined";
    public static final String PARTICIPANT_LEFT = "participant_left";
    public static final String ROOM_FINISHED = "room_finished";

    /** When LiveKit saw it happen. */
    public Optional<Instant> at() {
        return Optional.ofNullable(createdAt);
    }
}
