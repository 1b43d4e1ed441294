package org.roomgate.room;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.consent.ConsentEvents.ConsentGranted;
import org.roomgate.consent.ConsentEvents.ConsentWithdrawn;
import org.roomgate.consent.ConsentEvents.PolicyPublished;
import org.roomgate.consent.ConsentService;
import org.roomgate.consent.ConsentSnapshot;
import org.roomgate.consent.ConsentStatus;
import org.roomgate.locking.AdmissionLocks;
import org.roomgate.problem.DomainException;
import org.roomgate.room.RoomEvents.CapabilitiesChanged;

/**
 * Applies a pupil's consent as it is now to the conferences it is in, in the transaction that
 * changed it (R1, R2): a consent that lapsed (withdrawn, erased, expired, outdated by a policy
 * version) or no longer covers the room's purpose ends the participation; otherwise the
 * participation gets what the new consent allows. Locks as {@link AdmissionLocks} says, and
 * decides on the consent and participation as read after them.
 */
@ApplicationScoped
public class ConsentListener {

    private static final String OPEN_PUPILS = "select p.id, p.roomId, p.subjectId from Participation p"
            + " where p.tenantId = ?1 and p.leftAt is null and p.role = org.roomgate.room.Participation.Role.PUPIL";

    private final ConsentService consents;
    private final AdmissionLocks locks;
    private final Occupancy occupancy;
    private final Event<CapabilitiesChanged> changed;

    ConsentListener(ConsentService consents, AdmissionLocks locks, Occupancy occupancy, Event<CapabilitiesChanged> changed) {
        this.consents = consents;
        this.locks = locks;
        this.occupancy = occupancy;
        this.changed = changed;
    }

    void onWithdrawn(@Observes ConsentWithdrawn event) {
        applyConsentNow(event.tenantId(), event.subjectId());
    }

    void onGranted(@Observes ConsentGranted event) {
        applyConsentNow(event.tenantId(), event.subjectId());
    }

    /** A version requiring re-consent outdates the consents before it: their pupils leave at once. */
    void onPolicyPublished(@Observes PolicyPublished event) {
        if (!event.reconsentRequired()) {
            return;
        }
        locks.policy(event.tenantId());
        Map<String, ConsentSnapshot> consentOf = new HashMap<>();
        for (OpenPlace place : openPupils(OPEN_PUPILS + " order by p.roomId, p.id", event.tenantId())) {
            apply(event.tenantId(), place, consentOf.computeIfAbsent(place.subjectId(),
                    subject -> consents.snapshot(event.tenantId(), subject)));
        }
    }

    /**
     * Brings the subject's open participations in line with its consent now; the consent-expiry
     * sweep calls it for each subject whose consent has passed its {@code validUntil}.
     */
    @Transactional
    public void applyConsentNow(String tenantId, String subjectId) {
        locks.subject(tenantId, subjectId);
        ConsentSnapshot consent = consents.snapshot(tenantId, subjectId);
        for (OpenPlace place : openPupils(OPEN_PUPILS + " and p.subjectId = ?2 order by p.roomId", tenantId, subjectId)) {
            apply(tenantId, place, consent);
        }
    }

    private void apply(String tenantId, OpenPlace place, ConsentSnapshot consent) {
        if (occupancy.lock(tenantId, place.roomId()).orElse(Room.State.CLOSED) != Room.State.OPEN) {
            return;
        }
        Optional<Participation> open = Participation.reread(place.id()).filter(Participation::isOpen);
        if (open.isEmpty()) {
            return;
        }
        Participation p = open.get();
        Room room = Room.<Room>findById(place.roomId());
        Optional<ConsentStatus> lapse = consents.lapse(consent);
        if (lapse.isPresent()) {
            occupancy.end(tenantId, room.id, p.id, reasonFor(lapse.get()));
            return;
        }
        Set<Capability> allowed;
        try {
            allowed = consents.allowedScopes(consent, room.purpose);
        } catch (DomainException purposeNotCovered) {
            occupancy.end(tenantId, room.id, p.id, Participation.LeaveReason.CONSENT_WITHDRAWN);
            return;
        }
        p.allowed = RoomFeatures.toColumn(allowed);
        if (p.grant(room.featureSet())) {
            changed.fire(new CapabilitiesChanged(p.tenantId, p.roomId, p.id, p.capabilityList()));
        }
    }

    private static Participation.LeaveReason reasonFor(ConsentStatus lapse) {
        return switch (lapse) {
            case EXPIRED -> Participation.LeaveReason.CONSENT_EXPIRED;
            case OUTDATED -> Participation.LeaveReason.CONSENT_OUTDATED;
            default -> Participation.LeaveReason.CONSENT_WITHDRAWN;
        };
    }

    /** Ids only, ordered by room: no entity read before its room's lock, and rooms locked in one order. */
    private static List<OpenPlace> openPupils(String query, Object... parameters) {
        var typed = Participation.getEntityManager().createQuery(query, Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            typed.setParameter(i + 1, parameters[i]);
        }
        return typed.getResultList().stream()
                .map(row -> new OpenPlace((UUID) row[0], (UUID) row[1], (String) row[2]))
                .toList();
    }

    private record OpenPlace(UUID id, UUID roomId, String subjectId) {
    }
}
