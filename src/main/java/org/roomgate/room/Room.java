package org.roomgate.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.roomgate.consent.Capability;
import org.roomgate.consent.Purpose;

import org.roomgate.paging.Keyset;

import io.quarkus.panache.common.Parameters;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A conference room of one tenant, with its limits and live counters. */
@Entity
@Table(name = "room", schema = "conference")
public class Room extends PanacheEntityBase {

    public enum State {
        OPEN, CLOSED
    }

    /** Why a room closed. */
    public enum CloseReason {
        CLOSED, IDLE_TIMEOUT, MAX_DURATION
    }

    @Id
    public UUID id;

    public String tenantId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    public int maxParticipants;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] features;

    public long idleTimeoutSeconds;

    public long maxDurationSeconds;

    @Enumerated(EnumType.STRING)
    public State state;

    public int participantsNow;

    public int peakParticipants;

    public Instant createdAt;

    public Instant emptySince;

    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    public CloseReason closeReason;

    public Instant wipedAt;

    public boolean isOpen() {
        return state == State.OPEN;
    }

    public Set<Capability> featureSet() {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        Arrays.stream(features).map(Capability::valueOf).forEach(set::add);
        return set;
    }

    public Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds);
    }

    public Duration maxDuration() {
        return Duration.ofSeconds(maxDurationSeconds);
    }

    public static Optional<Room> findOfTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The room with its row locked until commit: joins, leaves and close of one room run one at a time. */
    public static Optional<Room> lockOfTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A page of the tenant's rooms, newest first, after the room with the given id (null: from the start). */
    public static List<Room> pageOfTenant(String tenantId, State state, UUID after, int rows) {
        Parameters parameters = Parameters.with("tenant", tenantId);
        String condition = "tenantId = :tenant";
        if (state != null) {
            condition += " and state = :state";
            parameters.and("state", state);
        }
        String query = Keyset.where(condition, parameters, "Room", "createdAt", true, after);
        return Room.<Room>find(query + " order by createdAt desc, id desc", parameters).page(0, rows).list();
    }
}
