package org.roomgate.content;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.roomgate.database.PooledStatements;
import org.roomgate.idempotency.IdempotencyRecords;
import org.roomgate.room.RoomEvents.RoomClosed;
import org.roomgate.room.RoomEvents.RoomOpened;

/**
 * The per-room content keys. A key is made with its room and deleted in the transaction that
 * closes the room (crypto-shredding, R6): from that commit on, the room's content cannot be
 * read by anyone, whatever copies of the ciphertext exist.
 */
@ApplicationScoped
public class ContentKeys {

    private final EntityManager entityManager;
    private final PooledStatements statements;
    private final IdempotencyRecords storedAnswers;

    ContentKeys(EntityManager entityManager, PooledStatements statements, IdempotencyRecords storedAnswers) {
        this.entityManager = entityManager;
        this.statements = statements;
        this.storedAnswers = storedAnswers;
    }

    void onOpened(@Observes RoomOpened event) {
        entityManager.createNativeQuery("INSERT INTO conference.room_key (room_id, data_key) VALUES (?1, ?2)")
                .setParameter(1, event.roomId())
                .setParameter(2, ContentCipher.newKey())
                .executeUpdate();
    }

    void onClosed(@Observes RoomClosed event) {
        entityManager.createNativeQuery("DELETE FROM conference.room_key WHERE room_id = ?1")
                .setParameter(1, event.roomId())
                .executeUpdate();
        // Answers kept for Idempotency-Key retries quote content (a chat text): they go with the key.
        storedAnswers.forgetRoom(event.roomId());
        WipeReceipt receipt = new WipeReceipt();
        receipt.roomId = event.roomId();
        receipt.tenantId = event.tenantId();
        receipt.closedAt = event.closedAt();
        receipt.contentUnreadableAt = event.closedAt();
        receipt.persist();
    }

    /**
     * The room's key, or empty once the room is closed. Every participant request reads it, so it
     * is a plain statement on the pool's connection (the transaction's, inside one).
     */
    public Optional<byte[]> keyOf(UUID roomId) {
        return statements.prepared("SELECT data_key FROM conference.room_key WHERE room_id = ?", query -> {
            query.setObject(1, roomId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        });
    }
}
