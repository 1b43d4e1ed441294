package org.roomgate.content;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One participant's vote in a poll; {@code choice} (the option index) is ciphertext. */
@Entity
@Table(name = "poll_vote", schema = "conference")
@IdClass(PollVote.Key.class)
public class PollVote extends PanacheEntityBase {

    @Id
    public UUID pollId;

    @Id
    public UUID participationId;

    public UUID roomId;

    public String tenantId;

    public String subjectId;

    public byte[] choice;

    public Instant createdAt;

    static List<PollVote> listOfPoll(UUID pollId) {
        return list("pollId", pollId);
    }

    public static class Key implements Serializable {
        public UUID pollId;
        public UUID participationId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(pollId, k.pollId) && Objects.equals(participationId, k.participationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pollId, participationId);
        }
    }
}
