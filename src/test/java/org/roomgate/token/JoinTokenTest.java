package org.roomgate.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.TestClock;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JoinTokenTest {

    private static final Set<String> CONTRACT_CLAIMS =
            Set.of("iss", "aud", "sub", "tid", "room", "name", "role", "caps", "iat", "nbf", "exp", "jti");

    @Inject
    TestClock clock;

    @Inject
    KeyRing keys;

    @Inject
    JoinTokenVerifier verifier;

    private String platform;
    private String tenant;
    private String room;
    private String participationId;
    private String token;

    @BeforeEach
    void joinAPupil() {
        var fixture = newPlatformWithPolicy();
        platform = fixture.key();
        tenant = fixture.tenantId();
        grantConsent(platform, "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        room = newRoom(platform, "LESSON", 5, List.of("AUDIO", "CHAT"));
        var joined = join(platform, room, "p-1", "PUPIL");
        participationId = joined.path("participationId");
        token = joined.path("token");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldVerifyAgainstPublishedJwksWithIndependentLibrary() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .extract().asString();
        SignedJWT jwt = SignedJWT.parse(token);
        ECKey published = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        org.junit.jupiter.api.Assertions.assertNotNull(published, "token's kid is in the JWKS");
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new ECDSAVerifier(published.toECPublicKey())));
        assertTrue(published.toJSONObject().get("d") == null, "JWKS holds no private part");

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(CONTRACT_CLAIMS, claims.getClaims().keySet());
        assertEquals("http://localhost:8080", claims.getIssuer());
        assertEquals(List.of("conference"), claims.getAudience());
        assertEquals(participationId, claims.getSubject());
        assertEquals(tenant, claims.getStringClaim("tid"));
        assertEquals(room, claims.getStringClaim("room"));
        assertEquals("Max M.", claims.getStringClaim("name"));
        assertEquals("PUPIL", claims.getStringClaim("role"));
        assertEquals(List.of("AUDIO", "CHAT"), claims.getStringListClaim("caps"));
        assertEquals(claims.getIssueTime(), claims.getNotBeforeTime());
        assertEquals(3600_000L, claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    }

    @Test
    void shouldAcceptValidTokenOnParticipantEndpoint() {
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200)
                .body("participationId", equalTo(participationId));
    }

    @Test
    void shouldRefuseTamperedToken() {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"AUDIO\"", "\"VIDEO\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(tampered);
    }

    @Test
    void shouldRefuseExpiredToken() {
        clock.advance(Duration.ofMinutes(61));
        assertRefused(token);
    }

    @Test
    void shouldRememberAVerifiedTokenOnceAndNeverATamperedOne() {
        long before = verifier.remembered();
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
        assertEquals(before + 1, verifier.remembered(), "the same token is verified and remembered once");
        String[] parts = token.split("\\.");
        char other = parts[2].charAt(0) == 'A' ? 'B' : 'A';
        assertRefused(parts[0] + "." + parts[1] + "." + other + parts[2].substring(1));
        assertEquals(before + 1, verifier.remembered(), "a refused token is not remembered");
    }

    @Test
    void shouldRefuseARememberedTokenOnceItExpires() {
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
        clock.advance(Duration.ofMinutes(60));
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
        clock.advance(Duration.ofSeconds(31));
        assertRefused(token);
    }

    @Test
    void shouldRefuseARememberedTokenOnceItsParticipationEnded() {
        as(token).post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
        as(platform).body(java.util.Map.of("participationId", participationId))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);
        assertRefused(token);
    }

    @Test
    void shouldRefuseTokenSignedWithAnotherKey() throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(SignedJWT.parse(token).getHeader().getKeyID()).generate();
        assertRefused(sign(claimsOfToken().build(), new ECDSASigner(foreign), JWSAlgorithm.ES256, foreign.getKeyID()));
    }

    @Test
    void shouldRefuseUnsignedToken() throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        assertRefused(header + "." + token.split("\\.")[1] + ".");
    }

    @Test
    void shouldRefuseHmacTokenKeyedWithThePublicKey() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().extract().asString();
        byte[] secret = jwks.getBytes(StandardCharsets.UTF_8);
        assertRefused(sign(claimsOfToken().build(), new MACSigner(secret), JWSAlgorithm.HS256, keys.signingKeyId()));
    }

    @Test
    void shouldRefuseTokenForAnotherAudienceOrIssuerOrNotYetValid() throws Exception {
        ECDSASigner ours = new ECDSASigner((ECPrivateKey) keys.signingKey());
        assertRefused(sign(claimsOfToken().audience("another-backend").build(), ours, JWSAlgorithm.ES256, keys.signingKeyId()));
        assertRefused(sign(claimsOfToken().issuer("https://evil.example").build(), ours, JWSAlgorithm.ES256, keys.signingKeyId()));
        Date later = new Date(System.currentTimeMillis() + 3_600_000);
        assertRefused(sign(claimsOfToken().notBeforeTime(later).build(), ours, JWSAlgorithm.ES256, keys.signingKeyId()));
        // The same claims, correctly signed, pass: the refusals above are for the one change each.
        as(sign(claimsOfToken().build(), ours, JWSAlgorithm.ES256, keys.signingKeyId()))
                .post("/api/v1/rooms/{r}/token", room).then().statusCode(200);
    }

    @Test
    void shouldKeepJoinTokensAndApiKeysToTheirOwnEndpoints() {
        as(token).get("/api/v1/tenants").then().statusCode(403).body("type", equalTo("urn:roomgate:problem:forbidden"));
        as(token).get("/api/v1/rooms").then().statusCode(403);
        as(platform).post("/api/v1/rooms/{r}/token", room).then().statusCode(403);
    }

    private JWTClaimsSet.Builder claimsOfToken() throws Exception {
        return new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet());
    }

    private static String sign(JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer, JWSAlgorithm alg, String kid)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private void assertRefused(String jwt) {
        as(jwt).post("/api/v1/rooms/{r}/token", room).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:roomgate:problem:unauthenticated"));
    }
}
