package org.roomgate.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.roomgate.compliance.ComplianceDtos.ComplianceReport;
import org.roomgate.compliance.ComplianceDtos.RuleResult;

/** The report's promise: every rule present, and never OK without a measurement. */
class ComplianceServiceTest {

    @Test
    void shouldReportUnknownForRulesThatNoCheckMeasuredOrWhoseCheckFailed() {
        RuleCheck measuresR9 = (tenant, now) -> List.of(RuleResult.of("R9", true, Map.of()));
        RuleCheck fails = (tenant, now) -> {
            throw new Measurements.MeasurementFailed("42501");
        };
        ComplianceReport report = ComplianceService.report(List.of(measuresR9, fails), "t-1", Instant.EPOCH);

        assertEquals(ComplianceService.RULES, report.rules().stream().map(RuleResult::rule).toList());
        report.rules().forEach(r -> assertEquals(r.rule().equals("R9") ? RuleStatus.OK : RuleStatus.UNKNOWN, r.status(), r.rule()));
    }

    @Test
    void shouldSeeParametersInDatabaseLogsThroughEveryStatementLoggingSetting() {
        Map<String, String> quiet = Map.of("log_statement", "none", "log_min_duration_statement", "-1",
                "log_transaction_sample_rate", "0", "log_parameter_max_length", "-1", "log_parameter_max_length_on_error", "0");
        assertFalse(LoggingCheck.logsParameters(quiet));
        assertTrue(LoggingCheck.logsParameters(with(quiet, "log_statement", "mod")));
        assertTrue(LoggingCheck.logsParameters(with(quiet, "log_min_duration_statement", "250")));
        assertTrue(LoggingCheck.logsParameters(with(quiet, "log_transaction_sample_rate", "0.01")));
        assertTrue(LoggingCheck.logsParameters(with(quiet, "log_parameter_max_length_on_error", "-1")));
        assertFalse(LoggingCheck.logsParameters(with(with(quiet, "log_statement", "all"), "log_parameter_max_length", "0")),
                "statements without their values name no one");
        assertFalse(LoggingCheck.logsParameters(with(quiet, "log_statement", "ddl")));
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        var copy = new java.util.HashMap<>(settings);
        copy.put(name, value);
        return copy;
    }
}
