package org.roomgate.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.roomgate.compliance.ComplianceDtos.ComplianceReport;
import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * Measures every rule of docs/policy.md for one tenant, live. A rule that no check measures, or
 * whose check failed, is reported UNKNOWN: the report never says OK without a measurement.
 */
@ApplicationScoped
public class ComplianceService {

    private static final Logger LOG = Logger.getLogger(ComplianceService.class);
    static final List<String> RULES = IntStream.rangeClosed(1, 11).mapToObj(i -> "R" + i).toList();

    private final Instance<RuleCheck> checks;
    private final Clock clock;

    ComplianceService(Instance<RuleCheck> checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    public ComplianceReport report(String tenantId) {
        return report(checks, tenantId, clock.instant());
    }

    static ComplianceReport report(Iterable<RuleCheck> checks, String tenantId, Instant now) {
        Map<String, RuleResult> results = new TreeMap<>();
        for (RuleCheck check : checks) {
            try {
                check.check(tenantId, now).forEach(r -> results.put(r.rule(), r));
            } catch (RuntimeException failed) {
                // Which rules the failed check covers is unknown here; they stay unmeasured below.
                LOG.warnf("Compliance check %s failed for tenant %s: %s", check.getClass().getSimpleName(), tenantId,
                        failed instanceof Measurements.MeasurementFailed ? failed.getMessage() : failed.getClass().getSimpleName());
            }
        }
        List<RuleResult> rules = new ArrayList<>();
        for (String rule : RULES) {
            rules.add(results.getOrDefault(rule, RuleResult.unknown(rule, "not measured: its check failed or none exists")));
        }
        return new ComplianceReport(now, rules);
    }
}
