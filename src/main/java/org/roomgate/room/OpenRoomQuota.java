package org.roomgate.room;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/**
 * The bound on a tenant's open rooms (API.md v1.1, {@code roomgate.rooms.max-open-per-tenant}).
 * The tenant's row is locked first, so that concurrent creates, also on two instances, count
 * one after another and the bound holds exactly.
 */
final class OpenRoomQuota {

    private OpenRoomQuota() {
    }

    static void check(String tenantId, int maxOpen) {
        var em = Room.getEntityManager();
        em.createNativeQuery("SELECT id FROM tenant WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, tenantId).getResultList();
        long open = Room.count("tenantId = ?1 and state = ?2", tenantId, Room.State.OPEN);
        if (open >= maxOpen) {
            throw new DomainException(ProblemType.QUOTA_EXCEEDED,
                    "This school has " + open + " open rooms, the most allowed (roomgate.rooms.max-open-per-tenant); close one first.");
        }
    }
}
