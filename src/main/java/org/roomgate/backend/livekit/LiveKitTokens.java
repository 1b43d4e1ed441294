package org.roomgate.backend.livekit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * LiveKit access tokens: HS256 with the tenant's API secret, {@code iss} = API key, the only form the
 * server accepts. Every claim is set here, so a token holds only what R7 allows.
 */
final class LiveKitTokens {

    /** LiveKit verifies {@code nbf} with a minute of leeway; a few seconds back cover a slower clock here. */
    private static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
    /** Server-to-server calls are signed per call, valid just long enough for one call and its retry. */
    private static final Duration ADMIN_LIFETIME = Duration.ofMinutes(1);

    private LiveKitTokens() {
    }

    /** A participant's token: identity = participation id, never a platform user id (R7). */
    static String participant(LiveKitSettings settings, String room, String participationId, String displayName,
            LiveKitPermission permission, Instant now, Duration lifetime) {
        JwtClaims claims = timed(settings, now, lifetime);
        claims.setSubject(participationId);
        claims.setClaim("name", displayName);
        claims.setClaim("video", permission.videoGrant(room));
        return sign(claims, settings.apiSecret());
    }

    /** A token for one RoomService call, with exactly the grant that call needs. */
    static String admin(LiveKitSettings settings, Map<String, Object> videoGrant, Instant now) {
        JwtClaims claims = timed(settings, now, ADMIN_LIFETIME);
        claims.setClaim("video", videoGrant);
        return sign(claims, settings.apiSecret());
    }

    private static JwtClaims timed(LiveKitSettings settings, Instant now, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.apiKey());
        claims.setNotBefore(NumericDate.fromSeconds(now.minus(NOT_BEFORE_SKEW).getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        return claims;
    }

    private static String sign(JwtClaims claims, String secret) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        // The secret's strength is LiveKit's configuration, checked when the tenant's backend is set;
        // jose4j's own minimum would refuse secrets the server itself accepts.
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
    }
}
