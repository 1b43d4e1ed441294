package org.roomgate.room;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.consent.Capability;
import org.roomgate.consent.ConsentService;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.RoomDtos.JoinRequest;

/**
 * Who may enter a room, and leaving it. Every change of a room's occupancy runs under that
 * room's row lock, so the participant limit holds across any number of service instances (R10).
 */
@ApplicationScoped
@Transactional
public class AdmissionService {

    private static final Logger LOG = Logger.getLogger(AdmissionService.class);

    private final Clock clock;
    private final ConsentService consents;

    AdmissionService(Clock clock, ConsentService consents) {
        this.clock = clock;
        this.consents = consents;
    }

    /**
     * Admits the subject: a pupil within its consent (R1–R3), a teacher by role. A subject
     * already inside gets its open participation back, with capabilities as they are now.
     */
    public Admission admit(String tenantId, UUID roomId, JoinRequest request) {
        Room room = Room.lockOfTenant(tenantId, roomId).orElseThrow(() -> DomainException.notFound("Room"));
        if (!room.isOpen()) {
            throw new DomainException(ProblemType.ROOM_CLOSED, "The room is closed.");
        }
        Set<Capability> allowed = request.role() == Participation.Role.TEACHER
                ? RoomService.teacherAllowance()
                : consents.allowedScopes(tenantId, request.subjectId(), room.purpose);

        Optional<Participation> present = Participation.findOpen(room.id, request.subjectId());
        Participation participation = present.orElseGet(Participation::new);
        participation.displayName = request.displayName().strip();
        participation.role = request.role();
        participation.allowed = RoomFeatures.toColumn(allowed);
        participation.grant(room.featureSet());
        if (present.isEmpty()) {
            enter(room, request.subjectId(), participation);
        }
        return Admission.of(participation);
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

    /** Ends an open participation and frees its place; the caller holds the room's lock. */
    void end(Room room, Participation participation, Participation.LeaveReason reason) {
        Instant now = clock.instant();
        participation.leftAt = now;
        participation.leaveReason = reason;
        room.participantsNow = Math.max(0, room.participantsNow - 1);
        if (room.participantsNow == 0) {
            room.emptySince = now;
        }
    }

    private void enter(Room room, String subjectId, Participation participation) {
        if (room.participantsNow >= room.maxParticipants) {
            throw new DomainException(ProblemType.ROOM_FULL,
                    "The room has reached its limit of " + room.maxParticipants + " participants.", "R10");
        }
        participation.id = UUID.randomUUID();
        participation.tenantId = room.tenantId;
        participation.roomId = room.id;
        participation.subjectId = subjectId;
        participation.joinedAt = clock.instant();
        participation.persist();
        room.participantsNow++;
        room.peakParticipants = Math.max(room.peakParticipants, room.participantsNow);
        room.emptySince = null;
        LOG.debugf("Participation %s entered room %s", participation.id, room.id);
    }
}
