package org.roomgate.consent;

/** Where a consent record stands now. */
public enum ConsentStatus {
    /** The subject's latest grant, valid and given for a policy version that still counts. */
    ACTIVE,
    /** The latest grant, but the policy was republished with re-consent required since (R1). */
    OUTDATED,
    /** The latest grant, but past its {@code validUntil}. */
    EXPIRED,
    /** A grant replaced by a later grant. */
    SUPERSEDED,
    /** A grant ended by a withdrawal, and the withdrawal record itself. */
    WITHDRAWN
}
