package org.roomgate.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * Encrypts backend secrets at rest: AES-256-GCM with the tenant id as associated data, so a
 * sealed secret cannot be moved to another tenant. The key lives in a file, like the token
 * signing key, never in the database: a database dump alone reveals no backend secret.
 * Stored form: nonce || ciphertext || tag.
 */
public final class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    static final String GENERATED_KEY_FILE = "backend-secret.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SecretBox(byte[] key) {
        this.key = key;
    }

    /** Loads the configured key, or the one generated earlier in {@code keyDirectory}, or generates one there. */
    public static SecretBox load(Optional<Path> configured, Path keyDirectory) {
        Path location = configured.orElse(keyDirectory.resolve(GENERATED_KEY_FILE));
        if (configured.isEmpty() && !Files.exists(location)) {
            generate(location);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(location, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backend secret key " + location, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(location + " must hold a base64 AES-256 key (32 bytes)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(location + " must hold a base64 AES-256 key (32 bytes), not " + key.length);
        }
        LOG.infof("Backend secrets encrypted with the key in %s", location);
        return new SecretBox(key);
    }

    public byte[] seal(String tenantId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, tenantId, nonce).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String open(String tenantId, byte[] stored) {
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, tenantId, Arrays.copyOf(stored, NONCE_BYTES))
                    .doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A backend secret does not decrypt with this key (was the key file replaced?)");
        }
    }

    private Cipher cipher(int mode, String tenantId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("tenant:" + tenantId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static void generate(Path location) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Files.createDirectories(location.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temporary = location.resolveSibling(location.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // Atomic, so a crash never leaves a half-written key that would make stored secrets unreadable.
            Files.move(temporary, location, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated a new backend secret key in %s", location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backend secret key to " + location, e);
        }
    }
}
