package org.roomgate.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * R6, content deleted when the room closes: no closed room may keep its content key (that
 * would leave the content readable), and no wipe may wait longer than {@link #OVERDUE}. The
 * slowest close-to-wipe of the last seven days shows how far the wipe job is from that.
 */
@ApplicationScoped
class WipeCheck implements RuleCheck {

    /** The same ten minutes after which the "wipes pending" alert fires. */
    static final Duration OVERDUE = Duration.ofMinutes(10);
    private static final Duration LOOKBACK = Duration.ofDays(7);

    record WipeEvidence(long wipesPending, Long oldestPendingSeconds, Double slowestWipeSecondsLast7Days,
            long closedRoomsWithReadableContent, long overdueAfterSeconds) {
    }

    private final Measurements db;

    WipeCheck(Measurements db) {
        this.db = db;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        record Pending(long count, OffsetDateTime oldestClose) {
        }
        Pending pending = db.one("""
                SELECT count(*), min(closed_at) FROM conference.room
                WHERE tenant_id = ? AND state = 'CLOSED' AND wiped_at IS NULL""",
                row -> new Pending(row.getLong(1), row.getObject(2, OffsetDateTime.class)), tenantId);
        Double slowest = db.one("""
                SELECT extract(epoch FROM max(wiped_at - closed_at))::float8 FROM conference.wipe_receipt
                WHERE tenant_id = ? AND wiped_at >= ?""", row -> (Double) row.getObject(1), tenantId, now.minus(LOOKBACK));
        long readable = db.count("""
                SELECT count(*) FROM conference.room r JOIN conference.room_key k ON k.room_id = r.id
                WHERE r.tenant_id = ? AND r.state = 'CLOSED'""", tenantId);
        Long oldestPending = Measurements.secondsSince(pending.oldestClose(), now);
        boolean holds = readable == 0 && (oldestPending == null || oldestPending <= OVERDUE.toSeconds());
        return List.of(RuleResult.of("R6", holds,
                new WipeEvidence(pending.count(), oldestPending, slowest, readable, OVERDUE.toSeconds())));
    }
}
