package org.roomgate.token;

import java.time.Instant;

/** A signed join token and when it expires. */
public record IssuedToken(String token, Instant expiresAt) {
}
