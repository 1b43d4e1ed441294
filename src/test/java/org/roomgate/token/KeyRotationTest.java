package org.roomgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.quarkus.security.AuthenticationFailedException;

/** During a rotation, tokens signed with the previous key still verify until they expire. */
class KeyRotationTest {

    @Test
    void shouldAcceptTokensOfThePreviousKeyAndNoOtherKey(@TempDir Path dir) throws Exception {
        KeyPair previous = pair();
        KeyPair current = pair();
        KeyPair stranger = pair();
        Files.writeString(dir.resolve("current.pem"), PemKeys.encode("PRIVATE KEY", current.getPrivate().getEncoded())
                + PemKeys.encode("PUBLIC KEY", current.getPublic().getEncoded()));
        Files.writeString(dir.resolve("previous.pem"), PemKeys.encode("PUBLIC KEY", previous.getPublic().getEncoded()));
        KeyRing ring = KeyRing.load(Optional.of(dir.resolve("current.pem")), Optional.of(dir.resolve("previous.pem")), dir);
        String previousKid = ring.verificationKeys().get(1).getKeyId();
        JoinTokenVerifier verifier = new JoinTokenVerifier(config(), ring, Clock.systemUTC());

        VerifiedToken verified = verifier.verify(sign(previous, previousKid));
        assertEquals("participation-1", verified.participationId());
        assertEquals(List.of("AUDIO"), verified.capabilities());
        assertThrows(AuthenticationFailedException.class, () -> verifier.verify(sign(stranger, previousKid)));
    }

    private static String sign(KeyPair keys, String kid) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://roomgate.example").audience("conference")
                .subject("participation-1").claim("tid", "school").claim("room", "room-1").claim("name", "Max M.")
                .claim("role", "PUPIL").claim("caps", List.of("AUDIO")).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).jwtID("jti-1").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
        jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static TokenConfig config() {
        return new TokenConfig() {
            @Override
            public String issuer() {
                return "https://roomgate.example";
            }

            @Override
            public String audience() {
                return "conference";
            }

            @Override
            public Duration lifetime() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration leeway() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Optional<Path> signingKeyLocation() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> previousPublicKeyLocation() {
                return Optional.empty();
            }

            @Override
            public boolean nativeCrypto() {
                return true;
            }

            @Override
            public int verifiedCacheSize() {
                return 100;
            }
        };
    }
}
