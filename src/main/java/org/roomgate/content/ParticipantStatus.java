package org.roomgate.content;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a participant shows the room: a raised hand, away, or nothing. */
@Entity
@Table(name = "participant_status", schema = "conference")
public class ParticipantStatus extends PanacheEntityBase {

    public enum Status {
        RAISED_HAND, AWAY, NONE
    }

    @Id
    public UUID participationId;

    public UUID roomId;

    @Enumerated(EnumType.STRING)
    public Status status;
}
