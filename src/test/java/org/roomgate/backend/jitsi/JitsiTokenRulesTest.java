package org.roomgate.backend.jitsi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.roomgate.backend.jitsi.JitsiTokens.JitsiCredential;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** roomgate's Jitsi tokens against Prosody's documented rules, RS256 through the published asap key. */
@QuarkusTest
class JitsiTokenRulesTest {

    static final String DEFAULT_TENANT = "Kastellschule";
    static final String DEFAULT_SECRET = "a-jitsi-app-secret-that-is-long-enough-for-hs256";
    static final List<String> PUPIL_CAPABILITIES = List.of("AUDIO", "VIDEO", "CHAT", "SCREEN_SHARE");

    @Inject
    JitsiTokens tokens;

    @Inject
    AsapKey asapKey;

    @TestHTTPResource("/.well-known/asap")
    URL asapServer;

    @Test
    void shouldPassProsodysRulesWithRs256ThroughThePublishedAsapKey() {
        String room = UUID.randomUUID().toString();
        String participation = UUID.randomUUID().toString();
        JitsiCredential credential = tokens.issue(rs256(), DEFAULT_TENANT, room, participation, "Max M.", false,
                PUPIL_CAPABILITIES);

        Map<String, Object> claims = ProsodyTokenRules.verify(credential.token(), rs256Host(room), Instant.now());

        assertEquals("kastellschule", claims.get("sub"));
        assertEquals("jitsi", claims.get("aud"));
        assertEquals(Map.of("id", participation, "name", "Max M.", "affiliation", "member", "moderator", "false"),
                context(claims, "user"));
        Map<String, Object> features = context(claims, "features");
        assertEquals(ProsodyTokenRules.FEATURE_KEYS, features.keySet());
        assertEquals("true", features.get("screen-sharing"));
        assertEquals("true", features.get("send-groupchat"));
        for (String off : List.of("recording", "livestreaming", "transcription", "file-upload", "create-polls",
                "outbound-call", "sip-outbound-call", "inbound-call", "sip-inbound-call", "flip")) {
            assertEquals("false", features.get(off), off);
        }
        assertEquals("https://meet.example/kastellschule/" + room + "?jwt=" + credential.token(), credential.joinUrl());
    }

    @Test
    void shouldPassWithHs256AndTheAppSecretAndMakeATeacherTheOwner() {
        String room = UUID.randomUUID().toString();
        JitsiCredential credential = tokens.issue(hs256(), DEFAULT_TENANT, room, UUID.randomUUID().toString(), "Frau L.",
                true, List.of("AUDIO", "VIDEO", "FILES", "POLLS", "MODERATE"));

        Map<String, Object> claims = ProsodyTokenRules.verify(credential.token(), hs256Host(room), Instant.now());

        assertEquals("owner", context(claims, "user").get("affiliation"));
        assertEquals("true", context(claims, "user").get("moderator"));
        assertEquals("true", context(claims, "features").get("file-upload"));
        assertEquals("true", context(claims, "features").get("create-polls"));
        assertEquals("false", context(claims, "features").get("recording"));
    }

    @Test
    void shouldBackDateNbfBecauseProsodyAllowsNoLeewayAndStopAtExp() {
        String room = UUID.randomUUID().toString();
        Instant issued = Instant.now();
        String token = tokens.issue(rs256(), DEFAULT_TENANT, room, UUID.randomUUID().toString(), "Max M.", false,
                PUPIL_CAPABILITIES).token();

        ProsodyTokenRules.verify(token, rs256Host(room), issued.minusSeconds(20));
        assertThrows(ProsodyTokenRules.Refused.class,
                () -> ProsodyTokenRules.verify(token, rs256Host(room), issued.plus(Duration.ofMinutes(6))));
    }

    @Test
    void shouldBeRefusedForAnotherRoomTenantSecretOrAlgorithm() {
        String room = UUID.randomUUID().toString();
        String rs = tokens.issue(rs256(), DEFAULT_TENANT, room, UUID.randomUUID().toString(), "Max M.", false,
                PUPIL_CAPABILITIES).token();
        String hs = tokens.issue(hs256(), DEFAULT_TENANT, room, UUID.randomUUID().toString(), "Max M.", false,
                PUPIL_CAPABILITIES).token();
        Instant now = Instant.now();

        assertRefused(rs, rs256Host(UUID.randomUUID().toString()), "room or tenant does not match");
        assertRefused(rs, new ProsodyTokenRules.Host("roomgate", null, asapServer.toString(), "jitsi", "other", room),
                "room or tenant does not match");
        assertRefused(hs, new ProsodyTokenRules.Host("roomgate", "another-secret-another-secret-another-secret", null,
                "jitsi", DEFAULT_TENANT, room), "signature verification failed");
        assertRefused(hs, rs256Host(room), "Invalid alg");
        assertTrue(ProsodyTokenRules.verify(rs, rs256Host(room), now).containsKey("context"));
    }

    @Test
    void shouldApplyTheDocumentedRulesThatAHandRolledTokenBreaks() throws Exception {
        String room = UUID.randomUUID().toString();
        Instant now = Instant.now();
        JWTClaimsSet.Builder good = new JWTClaimsSet.Builder().issuer("roomgate").subject("kastellschule").claim("room", room)
                .audience("jitsi").expirationTime(java.util.Date.from(now.plusSeconds(300)))
                .claim("context", Map.of("user", Map.of("id", "x", "name", "y"),
                        "features", JitsiFeature.of(List.of())));
        MACSigner secret = new MACSigner(DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8));

        assertTrue(ProsodyTokenRules.verify(sign(good.build(), JWSAlgorithm.HS256, JOSEObjectType.JWT, secret),
                hs256Host(room), now).containsKey("room"));
        assertRefused(sign(good.build(), JWSAlgorithm.HS256, null, secret), hs256Host(room), "Invalid typ");
        assertRefused(sign(good.audience(List.of("jitsi", "other")).build(), JWSAlgorithm.HS256, JOSEObjectType.JWT, secret),
                hs256Host(room), "Invalid audience ('aud' claim)");
        good.audience("jitsi");
        assertRefused(sign(good.notBeforeTime(java.util.Date.from(now.plusSeconds(2))).build(), JWSAlgorithm.HS256,
                JOSEObjectType.JWT, secret), hs256Host(room), "Not acceptable by nbf");
        good.notBeforeTime(null);
        assertRefused(sign(good.expirationTime(null).build(), JWSAlgorithm.HS256, JOSEObjectType.JWT, secret),
                hs256Host(room), "roomgate: exp required (Prosody would accept a token that never expires)");
        good.expirationTime(java.util.Date.from(now.plusSeconds(300)));
        assertRefused(sign(good.claim("context", Map.of("user", Map.of("id", "x"), "features", Map.of("recording", "false")))
                .build(), JWSAlgorithm.HS256, JOSEObjectType.JWT, secret), hs256Host(room),
                "roomgate: every feature key present as \"true\" or \"false\"");
        SignedJWT es256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), good.build());
        es256.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        assertRefused(es256.serialize(), hs256Host(room), "Algorithm not supported");
    }

    @Test
    void shouldPublishTheKeyOnlyUnderTheSha256OfItsKidAndKeepThePrivateKeyOwnerOnly() throws Exception {
        String pem = given().get("/.well-known/asap/{file}", AsapKey.sha256Hex(asapKey.kid().getBytes(StandardCharsets.UTF_8))
                + ".pem").then().statusCode(200).extract().asString();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(!pem.contains("PRIVATE"));
        given().get("/.well-known/asap/{file}", asapKey.kid() + ".pem").then().statusCode(404)
                .contentType("application/problem+json");

        Path file = Path.of("target", "test-data", "keys", AsapKey.GENERATED_KEY_FILE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(asapKey.kid(), AsapKey.load(java.util.Optional.empty(), file.getParent(), false).kid(), "kept, not regenerated");
    }

    private static void assertRefused(String token, ProsodyTokenRules.Host host, String reason) {
        ProsodyTokenRules.Refused refused = assertThrows(ProsodyTokenRules.Refused.class,
                () -> ProsodyTokenRules.verify(token, host, Instant.now()));
        assertEquals(reason, refused.getMessage());
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm alg, JOSEObjectType typ, MACSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(typ).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Map<String, Object> claims, String part) {
        return (Map<String, Object>) ((Map<String, Object>) claims.get("context")).get(part);
    }

    static JitsiSettings rs256() {
        return new JitsiSettings("https://meet.example/", "roomgate", "jitsi", JitsiSettings.Algorithm.RS256, null);
    }

    static JitsiSettings hs256() {
        return new JitsiSettings("https://meet.example", "roomgate", "jitsi", JitsiSettings.Algorithm.HS256, DEFAULT_SECRET);
    }

    private ProsodyTokenRules.Host rs256Host(String room) {
        return new ProsodyTokenRules.Host("roomgate", null, asapServer.toString(), "jitsi", DEFAULT_TENANT, room);
    }

    private static ProsodyTokenRules.Host hs256Host(String room) {
        return new ProsodyTokenRules.Host("roomgate", DEFAULT_SECRET, null, "jitsi", DEFAULT_TENANT, room);
    }
}
