package org.roomgate.content;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.MappedSuperclass;

import org.roomgate.room.Participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every piece of content records about its author: the room, the participation, and the
 * subject and tenant, so that a subject's export and erasure can find it.
 */
@MappedSuperclass
public abstract class AuthoredContent extends PanacheEntityBase {

    public UUID roomId;

    public String tenantId;

    public UUID participationId;

    public String subjectId;

    public Instant createdAt;

    void authoredBy(Participant author, Instant at) {
        roomId = author.roomId();
        tenantId = author.tenantId();
        participationId = author.id();
        subjectId = author.subjectId();
        createdAt = at;
    }
}
