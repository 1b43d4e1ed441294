package org.roomgate.backend.livekit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a LiveKit webhook as LiveKit's server signs it: the {@code Authorization} header is a JWT
 * (no "Bearer"), HS256 with the API secret, {@code iss} = API key, {@code exp} required, and its
 * {@code sha256} claim is the base64 SHA-256 of the exact body. Stricter than LiveKit's node SDK,
 * which also takes HS384/HS512: the Go server signs and verifies HS256 only.
 */
public final class LiveKitWebhookVerifier {

    /** The node SDK's tolerance; LiveKit signs each webhook just before sending it. */
    private static final int CLOCK_SKEW_SECONDS = 10;

    private LiveKitWebhookVerifier() {
    }

    /** The event, or {@link Rejected} with a cause that holds no claim and no body content. */
    public static LiveKitWebhook verify(LiveKitSettings settings, String authorization, byte[] body, Instant now,
            ObjectMapper json) {
        if (authorization == null || authorization.isBlank()) {
            throw new Rejected("no Authorization header");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(new HmacKey(settings.apiSecret().getBytes(StandardCharsets.UTF_8)))
                .setRelaxVerificationKeyValidation()
                .setExpectedIssuer(settings.apiKey())
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(authorization.strip());
        } catch (InvalidJwtException e) {
            throw new Rejected("signature, issuer or time invalid");
        }
        Object claimed = claims.getClaimValue("sha256");
        if (!(claimed instanceof String claimedHash)
                || !MessageDigest.isEqual(claimedHash.getBytes(StandardCharsets.US_ASCII), sha256(body))) {
            throw new Rejected("body does not match the signed sha256");
        }
        return parse(body, json);
    }

    /**
     * The API key an unverified webhook claims to be signed with ({@code iss}), if it reads as a
     * LiveKit key name; for telling an operator which key LiveKit signs with, never for trusting it.
     */
    public static java.util.Optional<String> claimedKey(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(authorization.strip());
            String issuer = claims.getIssuer();
            return issuer != null && issuer.matches("[A-Za-z0-9_.-]{1,64}") ? java.util.Optional.of(issuer)
                    : java.util.Optional.empty();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return java.util.Optional.empty();
        }
    }

    private static LiveKitWebhook parse(byte[] body, ObjectMapper json) {
        try {
            JsonNode event = json.readTree(body);
            if (event == null || !event.path("event").isTextual()) {
                throw new Rejected("not a webhook event");
            }
            // protojson writes int64 as a string; either form is read.
            JsonNode createdAt = event.path("createdAt");
            Instant at = createdAt.canConvertToLong() || createdAt.asText().matches("\\d{1,12}")
                    ? Instant.ofEpochSecond(createdAt.asLong()) : null;
            return new LiveKitWebhook(event.path("id").asText(""), event.path("event").asText(),
                    event.path("room").path("name").asText(""), event.path("participant").path("identity").asText(""), at);
        } catch (IOException e) {
            throw new Rejected("not JSON");
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getEncoder().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A webhook that is not LiveKit's, or not for this tenant: answered 401, nothing changes. */
    public static final class Rejected extends RuntimeException {
        Rejected(String cause) {
            super("LiveKit webhook rejected: " + cause);
        }
    }
}
