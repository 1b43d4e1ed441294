package org.roomgate.consent;

import java.util.Set;

/** Synchronous CDI events, fired inside the consent transaction so that their effects commit with it. */
public final class ConsentEvents {

    private ConsentEvents() {
    }

    /** A subject's consent was withdrawn: its open participations must end now (R1). */
    public record ConsentWithdrawn(String tenantId, String subjectId) {
    }

    /** A new consent replaced the previous one: open participations take its scopes now (R2). */
    public record ConsentGranted(String tenantId, String subjectId, Set<Capability> scopes, Set<Purpose> purposes) {
    }

    /**
     * A new policy version was published. One that requires re-consent outdates every consent
     * given before it: the pupils they let in must leave now (R1).
     */
    public record PolicyPublished(String tenantId, int seq, boolean reconsentRequired) {
    }
}
