package org.roomgate.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.content.ContentDtos.Deleted;
import org.roomgate.content.ContentDtos.WipeReceiptView;
import org.roomgate.problem.DomainException;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Timer;

/**
 * Deletes the content of closed rooms for good (R6) and completes their receipts. Rooms are
 * claimed with SKIP LOCKED and marked wiped in the same transaction, so each room is wiped
 * exactly once even with several instances, and a wipe cut short by a crash is simply redone.
 */
@Startup
@ApplicationScoped
public class WipeService {

    private static final Logger LOG = Logger.getLogger(WipeService.class);

    /** Buckets around the goal (seconds after close) and the alert's one minute. */
    private static final Duration[] LAG_BUCKETS = { Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1) };

    private final EntityManager entityManager;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer lag;

    WipeService(EntityManager entityManager, Clock clock, TransactionSynchronizationRegistry transactions,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.transactions = transactions;
        this.lag = Timer.builder("roomgate.wipe.lag").description("Time from a room's close to the wipe of its content (R6)")
                .serviceLevelObjectives(LAG_BUCKETS).register(registry);
    }

    /** Wipes up to {@code limit} closed rooms; returns how many. */
    @Transactional
    public int wipeNext(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> rooms = entityManager.createNativeQuery("""
                SELECT id FROM conference.room WHERE state = 'CLOSED' AND wiped_at IS NULL
                ORDER BY closed_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, limit)
                .getResultList();
        rooms.forEach(this::wipe);
        return rooms.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WipeReceiptView receipt(String tenantId, UUID roomId) {
        WipeReceipt r = WipeReceipt.findOfTenant(tenantId, roomId)
                .orElseThrow(() -> DomainException.notFound("Wipe receipt (the room is unknown or still open)"));
        Deleted deleted = new Deleted(r.chatMessages, r.files, r.fileBytes, r.whiteboardStrokes, r.pollVotes);
        return new WipeReceiptView(r.roomId, r.closedAt, r.contentUnreadableAt, r.wipedAt, r.backendEndedAt, deleted);
    }

    private void wipe(UUID roomId) {
        int chat = deleteCounting("chat_message", roomId);
        Object[] files = (Object[]) entityManager.createNativeQuery("""
                WITH d AS (DELETE FROM conference.room_file WHERE room_id = ?1 RETURNING size)
                SELECT count(*), coalesce(sum(size), 0) FROM d""").setParameter(1, roomId).getSingleResult();
        int strokes = deleteCounting("whiteboard_stroke", roomId);
        int votes = deleteCounting("poll_vote", roomId);
        deleteCounting("poll", roomId);
        deleteCounting("participant_status", roomId);
        // The close already deleted the key; this makes the wipe complete on its own.
        deleteCounting("room_key", roomId);
        Instant now = clock.instant();
        WipeReceipt receipt = WipeReceipt.findById(roomId);
        receipt.chatMessages = chat;
        receipt.files = ((Number) files[0]).intValue();
        receipt.fileBytes = ((Number) files[1]).longValue();
        receipt.whiteboardStrokes = strokes;
        receipt.pollVotes = votes;
        receipt.wipedAt = now;
        entityManager.createNativeQuery("UPDATE conference.room SET wiped_at = ?1 WHERE id = ?2")
                .setParameter(1, now).setParameter(2, roomId).executeUpdate();
        observeLagOnCommit(Duration.between(receipt.closedAt, now));
        LOG.infof("Room %s wiped: %d chat messages, %d files, %d strokes, %d poll votes",
                roomId, chat, receipt.files, strokes, votes);
    }

    /** Only a committed wipe counts: one that rolls back is redone and observed then. */
    private void observeLagOnCommit(Duration wipeLag) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare; the lag is known already.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    lag.record(wipeLag);
                }
            }
        });
    }

    private int deleteCounting(String table, UUID roomId) {
        return entityManager.createNativeQuery("DELETE FROM conference." + table + " WHERE room_id = ?1")
                .setParameter(1, roomId).executeUpdate();
    }

    /**
     * The conference backend confirmed that the closed room's meeting is gone: the receipt shows
     * when. Never overwritten, so a repeated confirmation keeps the first time.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordBackendEnded(UUID roomId, Instant at) {
        entityManager.createNativeQuery(
                "UPDATE conference.wipe_receipt SET backend_ended_at = ?1 WHERE room_id = ?2 AND backend_ended_at IS NULL")
                .setParameter(1, at)
                .setParameter(2, roomId)
                .executeUpdate();
    }
}
