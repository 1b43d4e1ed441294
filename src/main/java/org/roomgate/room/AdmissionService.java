package org.roomgate.room;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.consent.ConsentService;
import org.roomgate.database.PooledStatements;
import org.roomgate.locking.AdmissionLocks;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.RoomDtos.JoinRequest;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Who may enter a room, stay in it and leave it. Each decision takes its locks first, in the order
 * {@link AdmissionLocks} documents (subject, then room), and only then reads the consent, the
 * room and the participation it decides on; so a consent change or a leave is never decided on
 * as it was before the wait (R1, R2), and the participant limit holds across any number of
 * service instances (R10).
 */
@ApplicationScoped
@Transactional
public class AdmissionService {

    private static final String UPDATE_PARTICIPATION =
            "UPDATE conference.participation SET display_name = ?, role = ?, allowed = ?, capabilities = ? WHERE id = ?";
    private static final String INSERT_PARTICIPATION = """
            INSERT INTO conference.participation
                (id, tenant_id, room_id, subject_id, display_name, role, allowed, capabilities, joined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** After the subject's locks: parameters tenant, room; then those of {@link AdmissionState#QUERY}. */
    private static final String LOCK_ROOM_AND_READ = Occupancy.LOCK_ROOM + ";\n" + AdmissionState.QUERY;
    private static final String OCCUPY_PLACE = """
            UPDATE conference.room SET participants_now = participants_now + 1,
                peak_participants = greatest(peak_participants, participants_now + 1), empty_since = NULL
            WHERE id = ?""";

    private final Clock clock;
    private final ConsentService consents;
    private final AdmissionLocks locks;
    private final Occupancy occupancy;
    private final ConferenceGate backends;
    private final PooledStatements statements;

    AdmissionService(Clock clock, ConsentService consents, AdmissionLocks locks, Occupancy occupancy,
            ConferenceGate backends, PooledStatements statements) {
        this.backends = backends;
        this.statements = statements;
        this.clock = clock;
        this.consents = consents;
        this.locks = locks;
        this.occupancy = occupancy;
    }

    /**
     * Admits the subject: a pupil within its consent (R1–R3), a teacher by role. A subject
     * already inside gets its open participation back, with capabilities as they are now; a
     * re-join that changes nothing writes nothing. The tenant's backend is read in the same
     * transaction, after the locks, for its check of the rights and for the response.
     */
    public Admitted admit(String tenantId, UUID roomId, JoinRequest request) {
        AdmissionState state = lockAndRead(tenantId, roomId, request.subjectId())
                .orElseThrow(() -> DomainException.notFound("Room"));
        if (!state.open()) {
            throw new DomainException(ProblemType.ROOM_CLOSED, "The room is closed.");
        }
        ConferenceGate.TenantGate backend = backends.forTenant(tenantId);
        Set<Capability> allowed = request.role() == Participation.Role.TEACHER
                ? RoomService.teacherAllowance()
                : consents.allowedScopes(state.consent(), state.purpose());
        backend.checkAdmission(request.role(), RoomFeatures.fromColumn(state.features()), allowed);
        String[] allowedColumn = RoomFeatures.toColumn(allowed);
        String[] capabilities = RoomFeatures.toColumn(RoomFeatures.effective(allowed, RoomFeatures.fromColumn(state.features())));
        String displayName = request.displayName().strip();
        if (state.participationId() != null) {
            boolean unchanged = displayName.equals(state.displayName()) && request.role() == state.role()
                    && Arrays.equals(allowedColumn, state.allowed()) && Arrays.equals(capabilities, state.capabilities());
            if (!unchanged) {
                occupancy.update(UPDATE_PARTICIPATION, displayName, request.role().name(), allowedColumn, capabilities,
                        state.participationId());
            }
            return new Admitted(new Admission(state.participationId(), tenantId, roomId, displayName, request.role(),
                    List.of(capabilities)), backend);
        }
        if (state.participantsNow() >= state.maxParticipants()) {
            throw new DomainException(ProblemType.ROOM_FULL,
                    "The room has reached its limit of " + state.maxParticipants() + " participants.", "R10");
        }
        UUID participationId = UUID.randomUUID();
        occupancy.update(INSERT_PARTICIPATION, participationId, tenantId, roomId, request.subjectId(), displayName,
                request.role().name(), allowedColumn, capabilities, clock.instant());
        occupancy.update(OCCUPY_PLACE, roomId);
        return new Admitted(new Admission(participationId, tenantId, roomId, displayName, request.role(),
                List.of(capabilities)), backend);
    }

    /**
     * The participation as it may continue now, for a fresh token: still open, in an open room, and
     * for a pupil still within its consent (R1). The subject comes from the participation read
     * before the locks; it never changes, everything else is read again after them.
     */
    public Admission renew(Participant me, ConferenceGate.TenantGate backend) {
        locks.subject(me.tenantId(), me.subjectId());
        Room.State state = occupancy.lock(me.tenantId(), me.roomId())
                .orElseThrow(() -> new DomainException(ProblemType.ROOM_GONE, "The room is closed."));
        if (state != Room.State.OPEN) {
            throw new DomainException(ProblemType.ROOM_GONE, "The room is closed; its content is deleted.", "R6");
        }
        Participation now = Participation.reread(me.id()).filter(Participation::isOpen)
                .orElseThrow(() -> new AuthenticationFailedException("The participation has ended"));
        Room room = Room.<Room>findByIdOptional(now.roomId).orElseThrow();
        if (now.role == Participation.Role.PUPIL) {
            consents.allowedScopes(consents.snapshot(now.tenantId, now.subjectId), room.purpose);
        }
        backend.checkAdmission(now.role, room.featureSet(), now.allowedSet());
        return Admission.of(now);
    }

    /** Ends the participation; leaving twice, or after the room closed, changes nothing. */
    public void leave(String tenantId, UUID roomId, UUID participationId) {
        occupancy.lock(tenantId, roomId).orElseThrow(() -> DomainException.notFound("Room"));
        Participation.<Participation>findByIdOptional(participationId)
                .filter(p -> p.roomId.equals(roomId))
                .orElseThrow(() -> DomainException.notFound("Participation"));
        occupancy.end(tenantId, roomId, participationId, Participation.LeaveReason.LEFT);
    }

    /**
     * Ends the participation at the time its conference backend saw it leave, kept between its
     * join and now; nothing when it has ended already or the room is gone. Like a leave, it
     * takes the room's lock only.
     */
    public void leftAt(String tenantId, UUID roomId, UUID participationId, Instant at) {
        if (occupancy.lock(tenantId, roomId).isEmpty()) {
            return;
        }
        Participation.reread(participationId).filter(p -> p.roomId.equals(roomId) && p.isOpen()).ifPresent(p -> {
            Instant now = clock.instant();
            Instant left = at.isAfter(now) ? now : at.isBefore(p.joinedAt) ? p.joinedAt : at;
            occupancy.end(tenantId, roomId, participationId, Participation.LeaveReason.LEFT, left);
        });
    }

    /**
     * The subject's locks, the room's row lock and the read of everything the join decides on,
     * in this order and in one round trip (see {@link AdmissionLocks#prepareSubjectThen}). Plain
     * JDBC on the transaction's connection (the pool hands out the one enlisted in the JTA
     * transaction, which Hibernate uses too): a re-join needs no Hibernate session at all. Empty
     * when the tenant has no such room.
     */
    private Optional<AdmissionState> lockAndRead(String tenantId, UUID roomId, String subjectId) {
        return statements.onConnection(connection -> {
            try (PreparedStatement batch = locks.prepareSubjectThen(connection, tenantId, subjectId, LOCK_ROOM_AND_READ)) {
                batch.setString(3, tenantId);
                batch.setObject(4, roomId);
                batch.setString(5, subjectId);
                batch.setString(6, subjectId);
                batch.setString(7, tenantId);
                batch.setObject(8, roomId);
                batch.execute();
                batch.getMoreResults();
                batch.getMoreResults();
                try (ResultSet row = batch.getResultSet()) {
                    return row.next() ? Optional.of(AdmissionState.of(row)) : Optional.<AdmissionState>empty();
                }
            }
        });
    }

    /** Admitted, and the tenant's backend as the admission saw it, for the response's credential. */
    public record Admitted(Admission admission, ConferenceGate.TenantGate backend) {
    }
}
