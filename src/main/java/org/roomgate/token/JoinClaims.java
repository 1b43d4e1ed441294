package org.roomgate.token;

import java.util.List;

/** What a join token says about its participant, and nothing more (R7). */
public record JoinClaims(String participationId, String tenantId, String roomId, String displayName, String role,
        List<String> capabilities) {
}
