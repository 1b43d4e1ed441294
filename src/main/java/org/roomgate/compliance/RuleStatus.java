package org.roomgate.compliance;

/** What the running service measured about a rule of docs/policy.md. */
public enum RuleStatus {
    /** Measured, and the rule holds. */
    OK,
    /** Measured, and the rule is broken now; the evidence says where. */
    VIOLATED,
    /** Not measurable here (or the measurement failed): never reported as OK. */
    UNKNOWN
}
