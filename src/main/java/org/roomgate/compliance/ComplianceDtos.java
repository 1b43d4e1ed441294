package org.roomgate.compliance;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The compliance report of API.md "v1.1 additions / Compliance evidence". */
public final class ComplianceDtos {

    private ComplianceDtos() {
    }

    @Schema(description = "Every rule R1–R11 of docs/policy.md, measured live when the report was generated", example = """
            {"generatedAt":"2026-03-02T08:05:56.455645Z","rules":[
             {"rule":"R5","status":"OK","evidence":{"recordingAttemptsRefusedLast7Days":0,"roomsOfferingRecording":0,
              "participantsAbleToRecord":0}},
             {"rule":"R10","status":"OK","evidence":{"openRooms":3,"roomsOverLimit":0,"roomsWithCounterOutOfStep":0}}]}""")
    public record ComplianceReport(Instant generatedAt, List<RuleResult> rules) {
    }

    @Schema(description = "One rule's status and the figures it rests on")
    public record RuleResult(
            @Schema(example = "R9") String rule,
            RuleStatus status,
            @Schema(description = "What was measured, per rule: counts, ages in seconds, settings; never names or content",
                    example = "{\"tables\":[{\"table\":\"conference.room\",\"unlogged\":true}],\"archiveMode\":\"off\"}")
            Object evidence) {

        static RuleResult of(String rule, boolean holds, Object evidence) {
            return new RuleResult(rule, holds ? RuleStatus.OK : RuleStatus.VIOLATED, evidence);
        }

        static RuleResult unknown(String rule, String reason) {
            return new RuleResult(rule, RuleStatus.UNKNOWN, new Unmeasured(reason));
        }
    }

    /** Why a rule has no measurement. */
    public record Unmeasured(String reason) {
    }
}
