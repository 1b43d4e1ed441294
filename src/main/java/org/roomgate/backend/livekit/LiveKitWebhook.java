package org.roomgate.backend.livekit;

/**
 * A verified LiveKit webhook event: what roomgate acts on and nothing else (no names, no
 * addresses). {@code identity} is empty for room events.
 */
public record LiveKitWebhook(String id, String event, String room, String identity) {

    public static final String PARTICIPANT_JOINED = "participant_joined";
    public static final String PARTICIPANT_LEFT = "participant_left";
    public static final String ROOM_FINISHED = "room_finished";
}
