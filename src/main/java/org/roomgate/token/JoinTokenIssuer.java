package org.roomgate.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs join tokens: the one hand-over to the conference backend (R7). Every claim is set here
 * explicitly, so the token holds exactly the contract's claims. jose4j directly, not a builder
 * on top of it: the builder read its configuration on every token, a fifth of the signing time
 * once the signature itself was native.
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
        JwtClaims body = new JwtClaims();
        body.setIssuer(config.issuer());
        body.setAudience(config.audience());
        body.setSubject(claims.participationId());
        body.setClaim("tid", claims.tenantId());
        body.setClaim("room", claims.roomId());
        body.setClaim("name", claims.displayName());
        body.setClaim("role", claims.role());
        body.setStringListClaim("caps", claims.capabilities());
        body.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        body.setNotBefore(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        body.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        body.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(keys.signingKeyId());
        jws.setHeader("typ", "JWT");
        jws.setPayload(body.toJson());
        jws.setKey(keys.signingKey());
        try {
            return new IssuedToken(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a join token", e);
        }
    }
}
