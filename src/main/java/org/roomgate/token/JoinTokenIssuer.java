package org.roomgate.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs join tokens: the one hand-over to the conference backend (R7). Every claim is set here
 * explicitly, so the token holds exactly the contract's claims and nothing the builder might add.
 */
@ApplicationScoped
public class JoinTokenIssuer {

    private final TokenConfig config;
    private final KeyRing keys;
    private final Clock clock;

    JoinTokenIssuer(TokenConfig config, KeyRing keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    public IssuedToken issue(JoinClaims claims) {
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plus(config.lifetime());
        String token = Jwt.claims()
                .claim("iss", config.issuer())
                .claim("aud", config.audience())
                .claim("sub", claims.participationId())
                .claim("tid", claims.tenantId())
                .claim("room", claims.roomId())
                .claim("name", claims.displayName())
                .claim("role", claims.role())
                .claim("caps", claims.capabilities())
                .claim("iat", issuedAt.getEpochSecond())
                .claim("nbf", issuedAt.getEpochSecond())
                .claim("exp", expiresAt.getEpochSecond())
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .keyId(keys.signingKeyId())
                .header("typ", "JWT")
                .sign(keys.signingKey());
        return new IssuedToken(token, expiresAt);
    }
}
