package org.roomgate.room;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.room.RoomDtos.AttendanceEntry;
import org.roomgate.subject.SubjectDataContributor;

/** A subject's retained participations in its export and erasure. */
@ApplicationScoped
public class RoomSubjectData implements SubjectDataContributor {

    private final AdmissionService admissions;

    RoomSubjectData(AdmissionService admissions) {
        this.admissions = admissions;
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

    /** Ends open participations (freeing their places) and deletes all of them. */
    @Override
    public long erase(String tenantId, String subjectId) {
        List<Participation> all = Participation.listOfSubject(tenantId, subjectId);
        all.stream().filter(Participation::isOpen).sorted((a, b) -> a.roomId.compareTo(b.roomId)).forEach(p -> {
            Room room = Room.lockOfTenant(tenantId, p.roomId).orElseThrow();
            admissions.end(room, p, Participation.LeaveReason.CONSENT_WITHDRAWN);
        });
        all.forEach(Participation::delete);
        return all.size();
    }

    /** A participation with the room it was in. */
    public record SubjectParticipation(String roomId, AttendanceEntry participation) {
    }
}
