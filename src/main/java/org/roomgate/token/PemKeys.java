package org.roomgate.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.keys.EllipticCurves;

/** Reads and writes EC keys as PEM, the format operators make with openssl. */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String CURVE = "P-256";

    private PemKeys() {
    }

    static Optional<PrivateKey> privateKey(String pem) {
        return block(pem, "PRIVATE KEY").map(der -> generate(() -> keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der))));
    }

    static Optional<PublicKey> publicKey(String pem) {
        return block(pem, "PUBLIC KEY").map(der -> generate(() -> keyFactory().generatePublic(new X509EncodedKeySpec(der))));
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** ES256 is defined on P-256 only; any other curve would produce tokens nobody can verify. */
    static void requireP256(ECKey key, String what) {
        String curve = EllipticCurves.getName(key.getParams().getCurve());
        if (!CURVE.equals(curve)) {
            throw new IllegalStateException(what + " must be an EC key on P-256 for ES256, not " + curve);
        }
    }

    private static Optional<byte[]> block(String pem, String type) {
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Optional.of(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return Optional.empty();
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance("EC");
    }

    private interface KeySupplier<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T generate(KeySupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an EC key: " + e.getMessage(), e);
        }
    }
}
