package org.roomgate.room;

import java.util.List;
import java.util.UUID;

import org.roomgate.consent.Capability;

/**
 * A caller's open participation as its request found it in the database: who it is and what it
 * may do now (R2). A plain value, read by {@link ParticipantAccess} without an entity.
 */
public record Participant(UUID id, String tenantId, UUID roomId, String subjectId, String displayName,
        Participation.Role role, List<String> capabilities) {

    public boolean may(Capability capability) {
        return capabilities.contains(capability.name());
    }
}
