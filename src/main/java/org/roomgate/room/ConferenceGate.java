package org.roomgate.room;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.roomgate.consent.Capability;

/**
 * What the join path needs from a tenant's conference backend while it answers: whether the
 * backend could hold an admission to the participant's rights, and the credential for the
 * response. Declared here and implemented by the backend feature, so rooms never depend on it.
 */
public interface ConferenceGate {

    /** The tenant's backend as one join or token refresh sees it; read once per call. */
    TenantGate forTenant(String tenantId);

    /** Calls to the tenant's backend still waiting to be confirmed. */
    long pendingCalls(String tenantId);

    /** One tenant's backend. */
    interface TenantGate {

        /**
         * Refuses, with a {@code DomainException}, an admission whose rights the backend could
         * not hold to; called inside the admission transaction, before anything is written.
         */
        void checkAdmission(Participation.Role role, Set<Capability> roomFeatures, Set<Capability> allowed);

        /** The backend part of the join or refresh response; called after the admission committed. */
        BackendAccess access(Admission admission, String joinToken);
    }

    /** How the participant reaches the conference: {@code kind} and the fields of that kind. */
    @Schema(name = "BackendAccess", description = "NATIVE: kind only. BIGBLUEBUTTON: joinUrl (roomgate's /enter). "
            + "LIVEKIT: url and token. JITSI: joinUrl and token.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BackendAccess(String kind, String joinUrl, String url, String token) {

        public static BackendAccess of(String kind) {
            return new BackendAccess(kind, null, null, null);
        }
    }
}
