package org.roomgate.room;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.roomgate.problem.DomainException;

/**
 * Refuses every attempt to make a room record (R5) and keeps count of them for the compliance
 * evidence: a tenant and a time, nothing personal (R4).
 */
@ApplicationScoped
public class RecordingRefusals {

    private final EntityManager entityManager;
    private final Clock clock;

    RecordingRefusals(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Throws {@code recording-prohibited} if the request asks to record, after counting the attempt. */
    void refuse(String tenantId, Boolean recording, java.util.List<String> features) {
        if (RoomFeatures.asksToRecord(recording, features)) {
            record(tenantId);
            throw RoomFeatures.recordingProhibited();
        }
    }

    /** Recorded in its own transaction: the request's own transaction rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(String tenantId) {
        entityManager.createNativeQuery("INSERT INTO conference.recording_refusal (tenant_id, refused_at) VALUES (?1, ?2)")
                .setParameter(1, tenantId)
                .setParameter(2, clock.instant())
                .executeUpdate();
    }
}
