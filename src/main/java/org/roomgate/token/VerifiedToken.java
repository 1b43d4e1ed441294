package org.roomgate.token;

import java.time.Instant;
import java.util.List;

/** The claims of a join token whose signature, issuer, audience and times were checked. */
public record VerifiedToken(String participationId, String tenantId, String roomId, String role,
        List<String> capabilities, Instant expiresAt) {
}
