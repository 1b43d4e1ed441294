package org.roomgate.backend.bbb;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.roomgate.room.Participation;

/**
 * What the BigBlueButton adapter needs to know about a participation before it asks the server to
 * take someone out: whether it ended, when, and whether that removal is already owed. Short
 * read-only transactions; never open while the server is called.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BbbParticipants {

    private final EntityManager entityManager;

    BbbParticipants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** When this participation of the tenant's room ended; empty when it is unknown, of another room, or open. */
    public Optional<Instant> endedAt(String tenantId, UUID roomId, UUID participationId) {
        return Participation.<Participation>findByIdOptional(participationId)
                .filter(p -> p.tenantId.equals(tenantId) && p.roomId.equals(roomId) && !p.isOpen())
                .map(p -> p.leftAt);
    }

    /** Whether taking this participation out of the room's meeting is recorded and not yet confirmed. */
    public boolean removalPending(String tenantId, UUID roomId, UUID participationId) {
        return !entityManager.createNativeQuery("""
                SELECT 1 FROM backend_call WHERE tenant_id = ?1 AND room_id = ?2 AND participation_id = ?3
                AND type = 'PARTICIPANT_GONE' LIMIT 1""")
                .setParameter(1, tenantId).setParameter(2, roomId).setParameter(3, participationId)
                .getResultList().isEmpty();
    }
}
