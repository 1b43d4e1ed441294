package org.roomgate.backend.livekit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The last LiveKit webhook each tenant's endpoint verified, and the last it refused with the key
 * it claimed to be signed with, on this instance since it started. LiveKit signs every webhook
 * with the one key named in its {@code webhook.api_key}; the connection check compares that with
 * the tenant's stored key. Key names are not secret (the ops API shows them); a secret is never kept.
 */
@ApplicationScoped
public class LiveKitWebhookLog {

    /** What was seen last for a tenant; either instant may be null. */
    public record Seen(Instant verifiedAt, Instant refusedAt, String refusedKey) {

        /** A refusal after the last verified webhook: LiveKit's webhook key is not the tenant's. */
        public boolean refusedLast() {
            return refusedAt != null && (verifiedAt == null || refusedAt.isAfter(verifiedAt));
        }
    }

    private final Map<String, Seen> byTenant = new ConcurrentHashMap<>();

    void verified(String tenantId, Instant at) {
        byTenant.merge(tenantId, new Seen(at, null, null), (old, now) -> new Seen(at, old.refusedAt(), old.refusedKey()));
    }

    void refused(String tenantId, Instant at, String claimedKey) {
        byTenant.merge(tenantId, new Seen(null, at, claimedKey), (old, now) -> new Seen(old.verifiedAt(), at, claimedKey));
    }

    public Optional<Seen> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }
}
