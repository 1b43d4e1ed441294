package org.roomgate.backend;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.roomgate.consent.Capability;
import org.roomgate.consent.Purpose;
import org.roomgate.room.Room;

/**
 * A room as a backend's meeting needs it. {@code meetingId} names the meeting on the backend:
 * tenant and room id, never the room's name, so two tenants' rooms can never share a meeting.
 */
public record MeetingRoom(String tenantId, UUID roomId, String meetingId, String name, Purpose purpose,
        int maxParticipants, Set<Capability> features, Duration maxDuration, boolean open) {

    private static final String SEPARATOR = "--";

    public static MeetingRoom of(Room room) {
        return new MeetingRoom(room.tenantId, room.id, meetingId(room.tenantId, room.id), room.name, room.purpose,
                room.maxParticipants, room.featureSet(), room.maxDuration(), room.isOpen());
    }

    /** A room already purged: only its ids are left, which is all that ending its meeting needs. */
    public static MeetingRoom gone(String tenantId, UUID roomId) {
        return new MeetingRoom(tenantId, roomId, meetingId(tenantId, roomId), null, null, 0, Set.of(), Duration.ZERO, false);
    }

    public static String meetingId(String tenantId, UUID roomId) {
        return tenantId + SEPARATOR + roomId;
    }

    /** The tenant a meeting id names (everything before the last separator, a room id after it), or null. */
    public static String tenantOf(String meetingId) {
        int separator = meetingId == null ? -1 : meetingId.lastIndexOf(SEPARATOR);
        if (separator <= 0) {
            return null;
        }
        String tenantId = meetingId.substring(0, separator);
        return roomOf(tenantId, meetingId) == null ? null : tenantId;
    }

    /** The room id a meeting id of this tenant names, or null when it names another tenant's or none. */
    public static UUID roomOf(String tenantId, String meetingId) {
        String prefix = tenantId + SEPARATOR;
        if (meetingId == null || !meetingId.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(meetingId.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
