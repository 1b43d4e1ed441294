package org.roomgate.room;

import java.util.List;
import java.util.UUID;

/** A participation as admitted, enough to sign its join token after the transaction committed. */
public record Admission(UUID participationId, String tenantId, UUID roomId, String displayName,
        Participation.Role role, List<String> capabilities) {

    static Admission of(Participation p) {
        return new Admission(p.id, p.tenantId, p.roomId, p.displayName, p.role, p.capabilityList());
    }
}
