package org.roomgate.compliance;

import java.time.Instant;
import java.util.List;

import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * Measures one or more rules of docs/policy.md against the live database and configuration.
 * A check reports only what it measured; rules that no check covers are reported UNKNOWN.
 */
public interface RuleCheck {

    /** The results for the tenant's data, measured at {@code now}. */
    List<RuleResult> check(String tenantId, Instant now);
}
