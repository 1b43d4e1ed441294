package org.roomgate.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Deletes conference metadata past retention (R8): a closed room once the retention window
 * after its close has passed, and any room recorded more than seven days ago, whatever its
 * state, because the hard limit wins over a conference that never ends. Participations,
 * content and the wipe receipt go with their room (foreign keys cascade). Each batch is claimed
 * with SKIP LOCKED, so instances sharing a database purge side by side.
 */
@ApplicationScoped
public class PurgeService {

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final Clock clock;

    PurgeService(EntityManager entityManager, RetentionConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** Purges one batch of rooms; returns how many rooms it deleted. */
    @Transactional
    public int purgeRooms(int batch) {
        Instant now = clock.instant();
        return entityManager.createNativeQuery("""
                DELETE FROM conference.room WHERE id IN (
                    SELECT id FROM conference.room
                    WHERE (state = 'CLOSED' AND closed_at <= :closedBefore) OR created_at <= :recordedBefore
                    LIMIT :batch
                    FOR UPDATE SKIP LOCKED)""")
                .setParameter("closedBefore", now.minus(config.metadata()))
                .setParameter("recordedBefore", now.minus(RetentionConfig.HARD_LIMIT))
                .setParameter("batch", batch)
                .executeUpdate();
    }

    /** Purges refused-join records past the window; they name no one, but are metadata all the same. */
    @Transactional
    public int purgeDenials() {
        return entityManager.createNativeQuery("DELETE FROM conference.join_denial WHERE denied_at <= :before")
                .setParameter("before", clock.instant().minus(config.metadata()))
                .executeUpdate();
    }

    /** Purges the counts of refused recording attempts past the window, like the refused joins. */
    @Transactional
    public int purgeRecordingRefusals() {
        return entityManager.createNativeQuery("DELETE FROM conference.recording_refusal WHERE refused_at <= :before")
                .setParameter("before", clock.instant().minus(config.metadata()))
                .executeUpdate();
    }
}
