package org.roomgate.room;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.room.RoomDtos.AttendanceEntry;
import org.roomgate.subject.SubjectDataContributor;

/** A subject's retained participations in its export and erasure. */
@ApplicationScoped
public class RoomSubjectData implements SubjectDataContributor {

    private final Occupancy occupancy;

    RoomSubjectData(Occupancy occupancy) {
        this.occupancy = occupancy;
    }

    @Override
    public String name() {
        return "participations";
    }

    @Override
    public Object export(String tenantId, String subjectId) {
        return Participation.listOfSubject(tenantId, subjectId).stream()
                .map(p -> new SubjectParticipation(p.roomId.toString(),
                        new AttendanceEntry(p.id, p.subjectId, p.displayName, p.role, p.joinedAt, p.leftAt, p.leaveReason)))
                .toList();
    }

    /**
     * Ends open participations, freeing each place once, and deletes all of them. The subject's
     * lock is held (SubjectService), so no join of the subject can add one meanwhile; rooms are
     * locked in id order, as everywhere.
     */
    @Override
    public long erase(String tenantId, String subjectId) {
        List<Object[]> open = Participation.getEntityManager().createQuery("select p.id, p.roomId from Participation p"
                + " where p.tenantId = ?1 and p.subjectId = ?2 and p.leftAt is null order by p.roomId", Object[].class)
                .setParameter(1, tenantId).setParameter(2, subjectId).getResultList();
        for (Object[] place : open) {
            occupancy.end(tenantId, (UUID) place[1], (UUID) place[0], Participation.LeaveReason.CONSENT_WITHDRAWN);
        }
        return Participation.delete("tenantId = ?1 and subjectId = ?2", tenantId, subjectId);
    }

    /** A participation with the room it was in. */
    public record SubjectParticipation(String roomId, AttendanceEntry participation) {
    }
}
