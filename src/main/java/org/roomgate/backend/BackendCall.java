package org.roomgate.backend;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.roomgate.room.Participation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A call the room lifecycle owes a backend, recorded in the transaction that caused it and kept
 * until the backend confirms it: ids and times only, nothing personal.
 */
@Entity
@Table(name = "backend_call")
public class BackendCall extends PanacheEntityBase {

    /** What the backend must do. */
    public enum Type {
        END_MEETING, PARTICIPANT_GONE, CAPABILITIES_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tenantId;

    @Enumerated(EnumType.STRING)
    public BackendKind backend;

    @Enumerated(EnumType.STRING)
    public Type type;

    public UUID roomId;

    public UUID participationId;

    @Enumerated(EnumType.STRING)
    public Participation.LeaveReason leaveReason;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant createdAt;

    /** Why the last attempt did not confirm: a fixed phrase or the backend's message key, never content. */
    public String lastOutcome;
}
