package org.roomgate.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;
import org.roomgate.retention.RetentionConfig;

/**
 * R8, metadata at most seven days: the age of the tenant's oldest metadata (rooms with their
 * join and leave times, refused joins, refused recordings) against the hard limit, and closed
 * rooms kept past the configured window. The purge runs on an interval, so metadata may outlive
 * its limit by up to one run; {@link #TOLERANCE} absorbs that without hiding a purge that stopped.
 */
@ApplicationScoped
class RetentionCheck implements RuleCheck {

    static final Duration TOLERANCE = Duration.ofMinutes(10);

    record RetentionEvidence(Long oldestMetadataAgeSeconds, long limitSeconds, long windowAfterCloseSeconds,
            long closedRoomsPastWindow, long toleranceSeconds) {
    }

    private final Measurements db;
    private final RetentionConfig config;

    RetentionCheck(Measurements db, RetentionConfig config) {
        this.db = db;
        this.config = config;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        OffsetDateTime oldest = db.one("""
                SELECT least((SELECT min(created_at) FROM conference.room WHERE tenant_id = ?),
                             (SELECT min(denied_at) FROM conference.join_denial WHERE tenant_id = ?),
                             (SELECT min(refused_at) FROM conference.recording_refusal WHERE tenant_id = ?))""",
                row -> row.getObject(1, OffsetDateTime.class), tenantId, tenantId, tenantId);
        long pastWindow = db.count("SELECT count(*) FROM conference.room WHERE tenant_id = ? AND state = 'CLOSED' AND closed_at < ?",
                tenantId, now.minus(config.metadata()).minus(TOLERANCE));
        Long age = Measurements.secondsSince(oldest, now);
        boolean holds = pastWindow == 0
                && (age == null || age <= RetentionConfig.HARD_LIMIT.plus(TOLERANCE).toSeconds());
        return List.of(RuleResult.of("R8", holds, new RetentionEvidence(age, RetentionConfig.HARD_LIMIT.toSeconds(),
                config.metadata().toSeconds(), pastWindow, TOLERANCE.toSeconds())));
    }
}
