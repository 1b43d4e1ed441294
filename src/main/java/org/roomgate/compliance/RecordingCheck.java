package org.roomgate.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * R5, no recording: no room of the tenant offers recording and no participant holds a recording
 * capability, whatever wrote the row; refused attempts of the last seven days are counted.
 */
@ApplicationScoped
class RecordingCheck implements RuleCheck {

    private static final Duration LOOKBACK = Duration.ofDays(7);

    record RecordingEvidence(long recordingAttemptsRefusedLast7Days, long roomsOfferingRecording,
            long participantsAbleToRecord) {
    }

    private final Measurements db;

    RecordingCheck(Measurements db) {
        this.db = db;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        long refused = db.count("SELECT count(*) FROM conference.recording_refusal WHERE tenant_id = ? AND refused_at >= ?",
                tenantId, now.minus(LOOKBACK));
        long rooms = db.count("""
                SELECT count(*) FROM conference.room
                WHERE tenant_id = ? AND EXISTS (SELECT 1 FROM unnest(features) f WHERE upper(f) LIKE 'RECORD%')""", tenantId);
        long participants = db.count("""
                SELECT count(*) FROM conference.participation
                WHERE tenant_id = ? AND left_at IS NULL
                  AND EXISTS (SELECT 1 FROM unnest(capabilities) c WHERE upper(c) LIKE 'RECORD%')""", tenantId);
        return List.of(RuleResult.of("R5", rooms == 0 && participants == 0,
                new RecordingEvidence(refused, rooms, participants)));
    }
}
