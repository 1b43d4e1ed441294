package org.roomgate.room;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.roomgate.problem.ProblemType;

/** Counts refused joins by reason for the dashboard; a reason and a time, nothing personal (R4). */
@ApplicationScoped
public class JoinDenials {

    private final EntityManager entityManager;
    private final Clock clock;

    JoinDenials(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Recorded in its own transaction: the join's own transaction has rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String tenantId, UUID roomId, ProblemType reason) {
        entityManager.createNativeQuery(
                "INSERT INTO conference.join_denial (tenant_id, room_id, reason, denied_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantId)
                .setParameter(2, roomId)
                .setParameter(3, reason.slug())
                .setParameter(4, clock.instant())
                .executeUpdate();
    }
}
