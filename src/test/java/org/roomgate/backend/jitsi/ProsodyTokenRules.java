package org.roomgate.backend.jitsi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The documented checks of Jitsi's Prosody token plugin (luajwtjitsi {@code M.verify}, token/util
 * {@code process_and_verify_token}, {@code verify_room}, {@code is_feature_allowed}), written from
 * that documentation with an independent JOSE library (Nimbus), for tests. Prosody itself cannot run
 * offline here: its plugin sources come only from GitHub.
 * <ul>
 * <li>{@code alg} ∈ HS256/384/512, RS256/384/512 and equal to the configured one; {@code typ} "JWT";</li>
 * <li>with {@code asap_key_server}: {@code kid} required, RS only, public key fetched from
 * {@code <server>/<sha256hex(kid)>.pem};</li>
 * <li>{@code exp} and {@code nbf} compared with no leeway ({@code now >= exp}, {@code now < nbf});</li>
 * <li>{@code iss} in the accepted issuers, {@code aud} a string among the accepted audiences,
 * {@code room} present and equal to the lowercase room, {@code sub} the lowercase tenant;</li>
 * <li>{@code context.user} values all strings.</li>
 * </ul>
 * roomgate's own, stricter rules on top: {@code exp} required, every feature key present.
 */
final class ProsodyTokenRules {

    static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512");
    static final Set<String> FEATURE_KEYS = Set.of("recording", "livestreaming", "transcription", "outbound-call",
            "sip-outbound-call", "inbound-call", "sip-inbound-call", "flip", "screen-sharing", "file-upload", "create-polls",
            "send-groupchat");

    /** A Prosody VirtualHost's token settings: either {@code app_secret} or {@code asap_key_server}. */
    record Host(String appId, String appSecret, String asapKeyServer, String audience, String tenant, String room) {

        String algorithm() {
            return asapKeyServer != null ? "RS256" : "HS256";
        }
    }

    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private ProsodyTokenRules() {
    }

    /** The token's claims if Prosody (and roomgate's stricter rules) accept it at {@code now}. */
    static Map<String, Object> verify(String token, Host host, Instant now) {
        try {
            JWSObject jws = JWSObject.parse(token);
            Map<String, Object> header = jws.getHeader().toJSONObject();
            if (!"JWT".equals(header.get("typ"))) {
                throw new Refused("Invalid typ");
            }
            String alg = String.valueOf(header.get("alg"));
            if (!ALGORITHMS.contains(alg)) {
                throw new Refused("Algorithm not supported");
            }
            if (!alg.equals(host.algorithm())) {
                throw new Refused("Invalid alg");
            }
            JWSVerifier verifier;
            if (host.asapKeyServer() != null) {
                Object kid = header.get("kid");
                if (!(kid instanceof String k)) {
                    throw new Refused("'kid' claim is missing");
                }
                verifier = new RSASSAVerifier(fetchKey(host.asapKeyServer(), k));
            } else {
                verifier = new MACVerifier(host.appSecret().getBytes(StandardCharsets.UTF_8));
            }
            if (!jws.verify(verifier)) {
                throw new Refused("signature verification failed");
            }
            Map<String, Object> claims = JSONObjectUtils.parse(jws.getPayload().toString());
            checkTimes(claims, now);
            checkClaims(claims, host);
            return claims;
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            throw new Refused("malformed: " + e.getClass().getSimpleName());
        }
    }

    private static void checkTimes(Map<String, Object> claims, Instant now) {
        if (!(claims.get("exp") instanceof Number exp)) {
            throw new Refused("roomgate: exp required (Prosody would accept a token that never expires)");
        }
        if (now.getEpochSecond() >= exp.longValue()) {
            throw new Refused("Not acceptable by exp");
        }
        if (claims.get("nbf") instanceof Number nbf && now.getEpochSecond() < nbf.longValue()) {
            throw new Refused("Not acceptable by nbf");
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkClaims(Map<String, Object> claims, Host host) {
        if (!host.appId().equals(claims.get("iss"))) {
            throw new Refused("Invalid issuer ('iss' claim)");
        }
        if (!(claims.get("room") instanceof String room)) {
            throw new Refused("'room' claim is missing");
        }
        // Lua compares the claim with each accepted string: a JSON array never equals one.
        if (!(claims.get("aud") instanceof String aud) || !aud.equals(host.audience())) {
            throw new Refused("Invalid audience ('aud' claim)");
        }
        if (!room.equals(host.room().toLowerCase()) || !host.tenant().toLowerCase().equals(claims.get("sub"))) {
            throw new Refused("room or tenant does not match");
        }
        Map<String, Object> context = (Map<String, Object>) claims.get("context");
        Map<String, Object> user = (Map<String, Object>) context.get("user");
        if (user == null || !user.values().stream().allMatch(String.class::isInstance)) {
            throw new Refused("all fields in 'user' need to be a valid string");
        }
        Map<String, Object> features = (Map<String, Object>) context.get("features");
        if (features == null || !features.keySet().containsAll(FEATURE_KEYS)
                || !features.values().stream().allMatch(v -> "true".equals(v) || "false".equals(v))) {
            throw new Refused("roomgate: every feature key present as \"true\" or \"false\"");
        }
    }

    /** As Prosody's {@code get_public_key}: GET {@code <server>/<hex(sha256(kid))>.pem}. */
    private static RSAPublicKey fetchKey(String server, String kid) throws Exception {
        String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kid.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server + "/" + name + ".pem")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Refused("could not obtain public key");
        }
        String base64 = response.body().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
