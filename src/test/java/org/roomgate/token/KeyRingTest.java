package org.roomgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    @Test
    void shouldGenerateKeyOnceWithOwnerOnlyPermissionsAndReuseIt(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        KeyRing first = KeyRing.load(Optional.empty(), Optional.empty(), keys);
        Path file = keys.resolve(KeyRing.GENERATED_KEY_FILE);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KeyRing second = KeyRing.load(Optional.empty(), Optional.empty(), keys);
        assertEquals(first.signingKeyId(), second.signingKeyId());
        assertEquals(1, second.verificationKeys().size());
    }

    @Test
    void shouldReadConfiguredKeyAndPublishPreviousOne(@TempDir Path dir) throws Exception {
        Path current = writeKey(dir.resolve("current.pem"), "secp256r1", true);
        Path previous = writeKey(dir.resolve("previous.pem"), "secp256r1", false);
        KeyRing ring = KeyRing.load(Optional.of(current), Optional.of(previous), dir.resolve("unused"));
        assertEquals(2, ring.verificationKeys().size());
        assertEquals(ring.signingKeyId(), ring.verificationKeys().get(0).getKeyId());
        assertTrue(!Files.exists(dir.resolve("unused")), "no key generated when one is configured");
    }

    @Test
    void shouldRefuseKeyOnAnotherCurve(@TempDir Path dir) throws Exception {
        Path p384 = writeKey(dir.resolve("p384.pem"), "secp384r1", true);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KeyRing.load(Optional.of(p384), Optional.empty(), dir));
        assertTrue(refused.getMessage().contains("P-256"), refused.getMessage());
    }

    @Test
    void shouldRefuseKeyFileWithoutPublicBlock(@TempDir Path dir) throws Exception {
        Path current = writeKey(dir.resolve("current.pem"), "secp256r1", true);
        String onlyPrivate = Files.readString(current).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        Files.writeString(current, onlyPrivate);
        assertThrows(IllegalStateException.class, () -> KeyRing.load(Optional.of(current), Optional.empty(), dir));
    }

    private static Path writeKey(Path file, String curve, boolean withPrivate) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair pair = generator.generateKeyPair();
        String pem = (withPrivate ? PemKeys.encode("PRIVATE KEY", pair.getPrivate().getEncoded()) : "")
                + PemKeys.encode("PUBLIC KEY", pair.getPublic().getEncoded());
        return Files.writeString(file, pem);
    }
}
