package org.roomgate.content;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random nonce per item and the room id as associated data, so a
 * ciphertext cannot be moved to another room. Stored form: nonce || ciphertext || tag.
 */
public final class ContentCipher {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    /** What encryption adds to an item's size. */
    public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContentCipher() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static byte[] encrypt(UUID roomId, byte[] key, byte[] plain) {
        byte[] nonce = newNonce();
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, roomId, key, nonce).doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public static byte[] decrypt(UUID roomId, byte[] key, byte[] stored) {
        try {
            return cipher(Cipher.DECRYPT_MODE, roomId, key, Arrays.copyOf(stored, NONCE_BYTES))
                    .doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Content does not decrypt with this room's key", e);
        }
    }

    /** Encrypts a stream as it is read (file uploads), in the same stored form. */
    public static InputStream encrypting(UUID roomId, byte[] key, InputStream plain) {
        byte[] nonce = newNonce();
        try {
            return new SequenceInputStream(new java.io.ByteArrayInputStream(nonce),
                    new CipherInputStream(plain, cipher(Cipher.ENCRYPT_MODE, roomId, key, nonce)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static Cipher cipher(int mode, UUID roomId, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(roomId.getMostSignificantBits())
                .putLong(roomId.getLeastSignificantBits()).array());
        return cipher;
    }
}
