package org.roomgate.room;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.roomgate.consent.Capability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One subject's time in one room: the join/leave metadata of R8. */
@Entity
@Table(name = "participation", schema = "conference")
public class Participation extends PanacheEntityBase {

    public enum Role {
        PUPIL, TEACHER
    }

    public enum LeaveReason {
        LEFT, CONSENT_WITHDRAWN, ROOM_CLOSED, IDLE_TIMEOUT, MAX_DURATION,
        /** A policy version requiring re-consent was published after the pupil's consent (R1). */
        CONSENT_OUTDATED,
        /** The pupil's consent passed its {@code validUntil} during the conference (R1). */
        CONSENT_EXPIRED
    }

    @Id
    public UUID id;

    public String tenantId;

    public UUID roomId;

    public String subjectId;

    public String displayName;

    @Enumerated(EnumType.STRING)
    public Role role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] allowed;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] capabilities;

    public Instant joinedAt;

    public Instant leftAt;

    @Enumerated(EnumType.STRING)
    public LeaveReason leaveReason;

    public boolean isOpen() {
        return leftAt == null;
    }

    public Set<Capability> allowedSet() {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        Arrays.stream(allowed).map(Capability::valueOf).forEach(set::add);
        return set;
    }

    public List<String> capabilityList() {
        return List.of(capabilities);
    }

    /**
     * Sets what the participant may do now: the room's features ∩ what consent or role allows (R2).
     * Returns whether that changed anything.
     */
    public boolean grant(Set<Capability> roomFeatures) {
        String[] before = capabilities;
        capabilities = RoomFeatures.toColumn(RoomFeatures.effective(allowedSet(), roomFeatures));
        return !Arrays.equals(before, capabilities);
    }

    /**
     * The participation as committed now, even if this transaction loaded it before. Call it
     * holding the room's lock, so that what it returns stays true until commit.
     */
    public static Optional<Participation> reread(UUID id) {
        Participation participation = findById(id);
        if (participation != null) {
            getEntityManager().refresh(participation);
        }
        return Optional.ofNullable(participation);
    }

    public static List<Participation> listOpenInRoom(UUID roomId) {
        return list("roomId = ?1 and leftAt is null", roomId);
    }

    /** Per tenant, the subjects of pupils inside a room now. */
    public static Map<String, List<String>> openPupilSubjects() {
        return getEntityManager().createQuery("select distinct p.tenantId, p.subjectId from Participation p"
                + " where p.leftAt is null and p.role = org.roomgate.room.Participation.Role.PUPIL", Object[].class)
                .getResultStream()
                .collect(Collectors.groupingBy(row -> (String) row[0], Collectors.mapping(row -> (String) row[1], Collectors.toList())));
    }

    public static List<Participation> listOfRoom(UUID roomId) {
        return list("roomId = ?1 order by joinedAt, id", roomId);
    }

    public static List<Participation> listOfSubject(String tenantId, String subjectId) {
        return list("tenantId = ?1 and subjectId = ?2 order by joinedAt, id", tenantId, subjectId);
    }
}
