package org.roomgate.backend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.roomgate.problem.DomainException;

/** The HS256 secret rule accepts what the README's commands make and refuses what people type. */
class SharedSecretStrengthTest {

    /** Seeded: a failure names its secret and fails again on every run. */
    private static final Random RANDOM = new Random(20261203);
    private static final int SAMPLES = 2_000;

    @Test
    void shouldAcceptEvery32ByteRandomSecretInTheCommonEncodings() {
        for (int i = 0; i < SAMPLES; i++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            for (String secret : new String[] { HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes),
                    Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) }) {
                assertDoesNotThrow(() -> SharedSecretStrength.requireStrong("appSecret", secret), secret);
            }
        }
    }

    /** Seen in a CI run: 32 random bytes whose base64url happens to hold no digit were refused as mere letters. */
    @Test
    void shouldAcceptARandomBase64SecretThatHappensToHoldOnlyLetters() {
        assertDoesNotThrow(() -> SharedSecretStrength.requireStrong("appSecret", "FtvQJTPoMDoTQAOkiCeuqyChmzrOqbLLZMudiTguqUQ"));
    }

    @Test
    void shouldRefuseShortRepeatedAndWordLikeSecrets() {
        byte[] bytes = new byte[31];
        RANDOM.nextBytes(bytes);
        for (String weak : new String[] { "a", "secret", "jitsi", "z".repeat(100), "ab".repeat(40), "secret".repeat(10),
                "a-jitsi-app-secret-that-is-long-enough-for-hs256", HexFormat.of().formatHex(bytes) }) {
            DomainException refused = assertThrows(DomainException.class, () -> SharedSecretStrength.requireStrong("appSecret", weak),
                    weak);
            assertTrue(refused.getMessage().contains("256"), refused.getMessage());
        }
    }
}
