package org.roomgate.content;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Proof that a closed room's content was made unreadable and deleted: counts and times only. */
@Entity
@Table(name = "wipe_receipt", schema = "conference")
public class WipeReceipt extends PanacheEntityBase {

    @Id
    public UUID roomId;

    public String tenantId;

    public Instant closedAt;

    public Instant contentUnreadableAt;

    public Instant wipedAt;

    /** Set by the conference backend's confirmed end (backend feature); null for NATIVE. */
    public Instant backendEndedAt;

    public Integer chatMessages;

    public Integer files;

    public Long fileBytes;

    public Integer whiteboardStrokes;

    public Integer pollVotes;

    static Optional<WipeReceipt> findOfTenant(String tenantId, UUID roomId) {
        return find("tenantId = ?1 and roomId = ?2", tenantId, roomId).firstResultOptional();
    }
}
