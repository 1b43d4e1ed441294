package org.roomgate.consent;

import java.time.LocalDate;

/**
 * What the consent rules need to know about a subject: its latest consent record (null fields
 * when it has none), the publication number of that record's policy version, and the number
 * from which on consents count. Read in one query on the join path, or from the entities.
 */
public record ConsentSnapshot(Consent.Kind latestKind, LocalDate validUntil, String[] scopes, String[] purposes,
        Integer policySeq, int reconsentFloor) {
}
