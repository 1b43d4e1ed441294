package org.roomgate.room;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.roomgate.consent.Capability;
import org.roomgate.consent.ConsentService;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.RoomDtos.JoinRequest;
import org.roomgate.room.RoomEvents.ParticipationEnded;

/**
 * Who may enter a room, and leaving it. Every change of a room's occupancy runs under that
 * room's row lock, so the participant limit holds across any number of service instances (R10).
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
    private static final String OCCUPY_PLACE = """
            UPDATE conference.room SET participants_now = participants_now + 1,
                peak_participants = greatest(peak_participants, participants_now + 1), empty_since = NULL
            WHERE id = ?""";

    private final Clock clock;
    private final ConsentService consents;
    private final EntityManager entityManager;
    private final Event<ParticipationEnded> ended;

    AdmissionService(Clock clock, ConsentService consents, EntityManager entityManager, Event<ParticipationEnded> ended) {
        this.clock = clock;
        this.consents = consents;
        this.entityManager = entityManager;
        this.ended = ended;
    }

    /**
     * Admits the subject: a pupil within its consent (R1–R3), a teacher by role. A subject
     * already inside gets its open participation back, with capabilities as they are now. One
     * query reads and locks all that decides it; a re-join that changes nothing writes nothing.
     */
    public Admission admit(String tenantId, UUID roomId, JoinRequest request, ConferenceGate.TenantGate backend) {
        AdmissionState state = readState(tenantId, roomId, request.subjectId())
                .orElseThrow(() -> DomainException.notFound("Room"));
        if (!state.open()) {
            throw new DomainException(ProblemType.ROOM_CLOSED, "The room is closed.");
        }
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
                execute(UPDATE_PARTICIPATION, displayName, request.role().name(), allowedColumn, capabilities,
                        state.participationId());
            }
            return new Admission(state.participationId(), tenantId, roomId, displayName, request.role(), List.of(capabilities));
        }
        if (state.participantsNow() >= state.maxParticipants()) {
            throw new DomainException(ProblemType.ROOM_FULL,
                    "The room has reached its limit of " + state.maxParticipants() + " participants.", "R10");
        }
        UUID participationId = UUID.randomUUID();
        execute(INSERT_PARTICIPATION, participationId, tenantId, roomId, request.subjectId(), displayName,
                request.role().name(), allowedColumn, capabilities, clock.instant());
        execute(OCCUPY_PLACE, roomId);
        return new Admission(participationId, tenantId, roomId, displayName, request.role(), List.of(capabilities));
    }

    /** Ends the participation; leaving twice, or after the room closed, changes nothing. */
    public void leave(String tenantId, UUID roomId, UUID participationId) {
        Room room = Room.lockOfTenant(tenantId, roomId).orElseThrow(() -> DomainException.notFound("Room"));
        Participation participation = Participation.<Participation>findByIdOptional(participationId)
                .filter(p -> p.roomId.equals(room.id))
                .orElseThrow(() -> DomainException.notFound("Participation"));
        if (participation.isOpen()) {
            end(room, participation, Participation.LeaveReason.LEFT);
        }
    }

    /**
     * Ends the participation at the time its conference backend saw it leave, kept between its
     * join and now; nothing when it has ended already or the room is gone.
     */
    public void leftAt(String tenantId, UUID roomId, UUID participationId, Instant at) {
        Room room = Room.lockOfTenant(tenantId, roomId).orElse(null);
        if (room == null) {
            return;
        }
        Participation.<Participation>findByIdOptional(participationId)
                .filter(p -> p.roomId.equals(room.id) && p.isOpen())
                .ifPresent(p -> {
                    Instant now = clock.instant();
                    Instant left = at.isAfter(now) ? now : at.isBefore(p.joinedAt) ? p.joinedAt : at;
                    end(room, p, Participation.LeaveReason.LEFT, left);
                });
    }

    /** Ends an open participation and frees its place; the caller holds the room's lock. */
    void end(Room room, Participation participation, Participation.LeaveReason reason) {
        end(room, participation, reason, clock.instant());
    }

    private void end(Room room, Participation participation, Participation.LeaveReason reason, Instant now) {
        participation.leftAt = now;
        participation.leaveReason = reason;
        room.participantsNow = Math.max(0, room.participantsNow - 1);
        if (room.participantsNow == 0) {
            room.emptySince = now;
        }
        ended.fire(new ParticipationEnded(room.tenantId, room.id, participation.id, reason, now));
    }


    /** The join path speaks JDBC on Hibernate's connection: one round trip, no entities to hydrate. */
    private Optional<AdmissionState> readState(String tenantId, UUID roomId, String subjectId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(AdmissionState.QUERY)) {
                query.setString(1, subjectId);
                query.setString(2, subjectId);
                query.setString(3, tenantId);
                query.setObject(4, roomId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(AdmissionState.of(row)) : Optional.<AdmissionState>empty();
                }
            }
        });
    }

    private void execute(String sql, Object... parameters) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object value = parameters[i];
                    if (value instanceof String[] array) {
                        statement.setArray(i + 1, connection.createArrayOf("text", array));
                    } else if (value instanceof Instant instant) {
                        statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                    } else {
                        statement.setObject(i + 1, value);
                    }
                }
                statement.executeUpdate();
            }
        });
    }
}
