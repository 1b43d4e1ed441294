package org.roomgate.room;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.roomgate.consent.ConsentEvents.ConsentGranted;
import org.roomgate.consent.ConsentEvents.ConsentWithdrawn;
import org.roomgate.room.RoomEvents.CapabilitiesChanged;

/**
 * Applies consent changes to conferences in progress, in the consent's own transaction: a
 * withdrawal ends the pupil's participations (R1), a new consent sets what it may do now (R2).
 */
@ApplicationScoped
public class ConsentListener {

    private final AdmissionService admissions;
    private final Event<CapabilitiesChanged> changed;

    ConsentListener(AdmissionService admissions, Event<CapabilitiesChanged> changed) {
        this.admissions = admissions;
        this.changed = changed;
    }

    void onWithdrawn(@Observes ConsentWithdrawn event) {
        for (Participation p : openPupilParticipations(event.tenantId(), event.subjectId())) {
            Room room = Room.lockOfTenant(p.tenantId, p.roomId).orElseThrow();
            admissions.end(room, p, Participation.LeaveReason.CONSENT_WITHDRAWN);
        }
    }

    void onGranted(@Observes ConsentGranted event) {
        for (Participation p : openPupilParticipations(event.tenantId(), event.subjectId())) {
            Room room = Room.lockOfTenant(p.tenantId, p.roomId).orElseThrow();
            if (!event.purposes().contains(room.purpose)) {
                admissions.end(room, p, Participation.LeaveReason.CONSENT_WITHDRAWN);
            } else {
                p.allowed = RoomFeatures.toColumn(event.scopes());
                if (p.grant(room.featureSet())) {
                    changed.fire(new CapabilitiesChanged(p.tenantId, p.roomId, p.id, p.capabilityList()));
                }
            }
        }
    }

    /** Ordered by room, so concurrent changes lock rooms in the same order and cannot deadlock. */
    private static List<Participation> openPupilParticipations(String tenantId, String subjectId) {
        return Participation.listOpenOfSubject(tenantId, subjectId).stream()
                .filter(p -> p.role == Participation.Role.PUPIL)
                .toList();
    }
}
