package org.roomgate.compliance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;
import org.roomgate.token.JoinClaims;
import org.roomgate.token.JoinTokenIssuer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * R7, the hand-over carries only what the policy lists: the running issuer signs a probe token
 * (never handed out) and its claims are compared with the contract's twelve. Credentials that a
 * conference backend derives from the token are not covered by this measurement.
 */
@ApplicationScoped
class TokenCheck implements RuleCheck {

    static final Set<String> CONTRACT_CLAIMS = Set.of("iss", "aud", "sub", "tid", "room", "name", "role", "caps", "iat",
            "nbf", "exp", "jti");
    private static final String PROBE = "compliance-probe";

    record TokenEvidence(List<String> claims, List<String> claimsBeyondContract, List<String> claimsMissing) {
    }

    private final JoinTokenIssuer issuer;
    private final ObjectMapper json;

    TokenCheck(JoinTokenIssuer issuer, ObjectMapper json) {
        this.issuer = issuer;
        this.json = json;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        String token = issuer.issue(new JoinClaims(PROBE, tenantId, PROBE, PROBE, "PUPIL", List.of())).token();
        Set<String> claims = new TreeSet<>();
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            json.readTree(payload).fieldNames().forEachRemaining(claims::add);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return List.of(RuleResult.unknown("R7", "the probe token could not be read"));
        }
        List<String> beyond = claims.stream().filter(c -> !CONTRACT_CLAIMS.contains(c)).toList();
        List<String> missing = new TreeSet<>(CONTRACT_CLAIMS).stream().filter(c -> !claims.contains(c)).toList();
        return List.of(RuleResult.of("R7", beyond.isEmpty() && missing.isEmpty(),
                new TokenEvidence(List.copyOf(claims), beyond, missing)));
    }
}
