package org.roomgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

class NativeCryptoTest {

    @Test
    void shouldSignNativelyWithTheSameKeyKidAndSignatureFormat(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdkKeys = generator.generateKeyPair();
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, PemKeys.encode("PRIVATE KEY", jdkKeys.getPrivate().getEncoded())
                + PemKeys.encode("PUBLIC KEY", jdkKeys.getPublic().getEncoded()));
        String expectedKid = new ECKey.Builder(Curve.P_256, (ECPublicKey) jdkKeys.getPublic()).build()
                .computeThumbprint().toString();

        assertEquals("AmazonCorrettoCryptoProvider", NativeCrypto.install(true));
        KeyRing ring = KeyRing.load(Optional.of(pem), Optional.empty(), dir);

        assertEquals(expectedKid, ring.signingKeyId(), "kid is the RFC 7638 thumbprint, whichever provider read the key");
        assertEquals("AmazonCorrettoCryptoProvider", Signature.getInstance("SHA256withECDSA").getProvider().getName());
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature nativeSigner = Signature.getInstance("SHA256withECDSA");
        nativeSigner.initSign(ring.signingKey());
        nativeSigner.update(message);
        byte[] signature = nativeSigner.sign();
        Signature jdkVerifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdkVerifier.initVerify(jdkKeys.getPublic());
        jdkVerifier.update(message);
        assertTrue(jdkVerifier.verify(signature), "a native signature verifies with the JDK's provider");
    }
}
