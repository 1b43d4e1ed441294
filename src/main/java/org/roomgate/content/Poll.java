package org.roomgate.content;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A poll; {@code question} and {@code options} (a JSON array) are ciphertext. */
@Entity
@Table(name = "poll", schema = "conference")
public class Poll extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID roomId;

    public UUID participationId;

    public byte[] question;

    public byte[] options;

    public int optionCount;

    public Instant createdAt;
}
