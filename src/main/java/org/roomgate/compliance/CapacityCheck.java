package org.roomgate.compliance;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * R10, a participant limit that holds: no open room of the tenant has more people inside than
 * its limit, counted both by the room's counter and by its open participations (the two must
 * agree, or the counter the join decides on is wrong).
 */
@ApplicationScoped
class CapacityCheck implements RuleCheck {

    record CapacityEvidence(long openRooms, long roomsOverLimit, long roomsWithCounterOutOfStep) {
    }

    private final Measurements db;

    CapacityCheck(Measurements db) {
        this.db = db;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        CapacityEvidence evidence = db.one("""
                SELECT count(*),
                       count(*) FILTER (WHERE greatest(r.participants_now, i.inside) > r.max_participants),
                       count(*) FILTER (WHERE r.participants_now <> i.inside)
                FROM conference.room r
                CROSS JOIN LATERAL (SELECT count(*) AS inside FROM conference.participation p
                                    WHERE p.room_id = r.id AND p.left_at IS NULL) i
                WHERE r.tenant_id = ? AND r.state = 'OPEN'""",
                row -> new CapacityEvidence(row.getLong(1), row.getLong(2), row.getLong(3)), tenantId);
        return List.of(RuleResult.of("R10", evidence.roomsOverLimit() == 0 && evidence.roomsWithCounterOutOfStep() == 0,
                evidence));
    }
}
