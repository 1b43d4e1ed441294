package org.roomgate.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Checks a join token as strictly as the conference backend should: ES256 only (no {@code none},
 * no HMAC confusion), a key of ours chosen by {@code kid}, our issuer and audience, and the
 * token's times within a small leeway. A token that passed once is remembered until it expires
 * ({@link VerifiedTokens}), so a participant's requests pay for the signature once.
 */
@ApplicationScoped
public class JoinTokenVerifier {

    private final TokenConfig config;
    private final KeyRing keys;
    private final Clock clock;
    private final VerifiedTokens verified;

    JoinTokenVerifier(TokenConfig config, KeyRing keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.verified = new VerifiedTokens(config.verifiedCacheSize(), clock, config.leeway());
    }

    public VerifiedToken verify(String jwt) {
        return verified.find(jwt).orElseGet(() -> {
            VerifiedToken token = verifySignatureAndClaims(jwt);
            verified.remember(jwt, token);
            return token;
        });
    }

    /** How many verified tokens are remembered now. */
    long remembered() {
        return verified.size();
    }

    private VerifiedToken verifySignatureAndClaims(String jwt) {
        try {
            JwtClaims claims = consumer().processToClaims(jwt);
            return new VerifiedToken(claims.getSubject(), claims.getStringClaimValue("tid"),
                    claims.getStringClaimValue("room"), claims.getStringClaimValue("role"),
                    claims.getStringListClaimValue("caps"),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            // Not chained: jose4j's messages quote the token's claims, display name included (R4).
            throw new AuthenticationFailedException("Invalid join token");
        }
    }

    /** Built per call because the evaluation time comes from the injected clock. */
    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(List.<JsonWebKey>copyOf(keys.verificationKeys())))
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireSubject()
                .setRequireJwtId()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setRequireNotBefore()
                .setAllowedClockSkewInSeconds((int) config.leeway().toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
    }
}
