package org.roomgate.backend.jitsi;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Jitsi tokens as Prosody's token plugin reads them: header {@code typ: JWT}, RS256 with {@code kid}
 * (public key on roomgate's asap key server) or HS256 with {@code app_secret}; {@code aud} a string,
 * {@code sub} the lowercase tenant, {@code room} the lowercase room, and {@code nbf} back-dated
 * because Prosody checks times without leeway.
 */
@ApplicationScoped
public class JitsiTokens {

    private static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(30);
    private static final Duration MAX_LIFETIME = Duration.ofHours(1);

    /** What a participant needs to enter: the room's address with the token, and the token itself. */
    public record JitsiCredential(String joinUrl, String token) {
    }

    /** The participant a verified token names and the features it grants, for Prosody's per-connection check. */
    public record TokenSubject(String tenant, String participationId, Map<String, String> features) {
    }

    private final AsapKey asapKey;
    private final JitsiConfig config;
    private final Clock clock;

    JitsiTokens(AsapKey asapKey, JitsiConfig config, Clock clock) {
        if (config.tokenLifetime().isNegative() || config.tokenLifetime().isZero()
                || config.tokenLifetime().compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("roomgate.jitsi.token-lifetime must be positive and at most PT1H");
        }
        this.asapKey = asapKey;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A token for one participation: identity = participation id, the display name, the role as
     * affiliation, and every feature key (R7: nothing else).
     */
    public JitsiCredential issue(JitsiSettings settings, String tenantId, String roomId, String participationId,
            String displayName, boolean moderator, List<String> capabilities) {
        Instant now = clock.instant();
        String tenant = tenantId.toLowerCase(Locale.ROOT);
        String room = roomId.toLowerCase(Locale.ROOT);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.appId());
        claims.setClaim("aud", settings.audience());
        claims.setSubject(tenant);
        claims.setClaim("room", room);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setNotBefore(NumericDate.fromSeconds(now.minus(NOT_BEFORE_SKEW).getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(config.tokenLifetime()).getEpochSecond()));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", participationId);
        user.put("name", displayName);
        user.put("affiliation", moderator ? "owner" : "member");
        user.put("moderator", String.valueOf(moderator));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("user", user);
        context.put("features", JitsiFeature.of(capabilities));
        claims.setClaim("context", context);
        String token = sign(settings, claims);
        return new JitsiCredential(stripSlash(settings.url()) + "/" + tenant + "/" + room + "?jwt=" + token, token);
    }

    /**
     * The participation a token of ours names, if its signature, algorithm and issuer are ours.
     * Times are not checked: Prosody checked them when the connection was made.
     */
    public Optional<TokenSubject> verify(JitsiSettings settings, String token) {
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm(settings))
                    .setVerificationKey(settings.algorithm() == JitsiSettings.Algorithm.RS256
                            ? asapKey.publicKey() : hmac(settings))
                    .setRelaxVerificationKeyValidation()
                    .setSkipAllValidators()
                    .build()
                    .processToClaims(token);
            if (!settings.appId().equals(claims.getIssuer())) {
                return Optional.empty();
            }
            Object context = claims.getClaimValue("context");
            if (context instanceof Map<?, ?> c && c.get("user") instanceof Map<?, ?> user && user.get("id") instanceof String id
                    && c.get("features") instanceof Map<?, ?> features) {
                Map<String, String> granted = new LinkedHashMap<>();
                features.forEach((key, value) -> granted.put(String.valueOf(key), String.valueOf(value)));
                return Optional.of(new TokenSubject(claims.getSubject(), id, granted));
            }
            return Optional.empty();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private String sign(JitsiSettings settings, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm(settings));
        jws.setHeader("typ", "JWT");
        if (settings.algorithm() == JitsiSettings.Algorithm.RS256) {
            jws.setKeyIdHeaderValue(asapKey.kid());
            jws.setKey(asapKey.privateKey());
        } else {
            jws.setKey(hmac(settings));
            // Prosody accepts any app_secret; its strength is checked where the tenant's backend is set.
            jws.setDoKeyValidation(false);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing the Jitsi token failed", e);
        }
    }

    private static String algorithm(JitsiSettings settings) {
        return settings.algorithm() == JitsiSettings.Algorithm.RS256
                ? AlgorithmIdentifiers.RSA_USING_SHA256 : AlgorithmIdentifiers.HMAC_SHA256;
    }

    private static Key hmac(JitsiSettings settings) {
        return new HmacKey(settings.appSecret().getBytes(StandardCharsets.UTF_8));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
