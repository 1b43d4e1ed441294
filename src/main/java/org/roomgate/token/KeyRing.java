package org.roomgate.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.roomgate.database.PrivateFiles;

/**
 * The ES256 keys of join tokens: the current signing key, and during a rotation the previous
 * public key, which still verifies and is still published. Plain Java, so it is testable without
 * the container.
 */
public final class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);
    static final String GENERATED_KEY_FILE = "signing-key.pem";

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final List<PublicJsonWebKey> verificationKeys;

    private KeyRing(PrivateKey signingKey, PublicKey signingPublicKey, Optional<PublicKey> previous) {
        this.signingKey = signingKey;
        List<PublicJsonWebKey> keys = new ArrayList<>();
        keys.add(jwk(signingPublicKey));
        previous.map(KeyRing::jwk).filter(p -> !p.getKeyId().equals(keys.get(0).getKeyId())).ifPresent(keys::add);
        this.verificationKeys = List.copyOf(keys);
        this.signingKeyId = keys.get(0).getKeyId();
    }

    /**
     * Loads the configured key, or the one generated earlier in {@code keyDirectory}, or generates
     * and keeps a new one there (owner-only permissions).
     */
    public static KeyRing load(Optional<Path> signingKeyLocation, Optional<Path> previousPublicKeyLocation, Path keyDirectory) {
        Path location = signingKeyLocation.orElse(keyDirectory.resolve(GENERATED_KEY_FILE));
        if (signingKeyLocation.isEmpty() && !Files.exists(location)) {
            generate(location);
        }
        String pem = read(location);
        PrivateKey privateKey = PemKeys.privateKey(pem).orElseThrow(() -> new IllegalStateException(
                location + " holds no PRIVATE KEY block (PKCS#8)"));
        PublicKey publicKey = PemKeys.publicKey(pem).orElseThrow(() -> new IllegalStateException(
                location + " holds no PUBLIC KEY block; append it with: openssl pkey -in key.pem -pubout >> key.pem"));
        PemKeys.requireP256((ECPrivateKey) privateKey, "roomgate.token.signing-key-location");
        PemKeys.requireP256((ECPublicKey) publicKey, "roomgate.token.signing-key-location");
        Optional<PublicKey> previous = previousPublicKeyLocation.map(p -> PemKeys.publicKey(read(p))
                .orElseThrow(() -> new IllegalStateException(p + " holds no PUBLIC KEY block")));
        previous.ifPresent(p -> PemKeys.requireP256((ECPublicKey) p, "roomgate.token.previous-public-key-location"));
        KeyRing ring = new KeyRing(privateKey, publicKey, previous);
        LOG.infof("Join tokens signed with key %s from %s%s", ring.signingKeyId, location,
                ring.verificationKeys.size() > 1 ? "; previous key " + ring.verificationKeys.get(1).getKeyId() + " still accepted" : "");
        return ring;
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The current public key first, then the previous one if configured. */
    public List<PublicJsonWebKey> verificationKeys() {
        return verificationKeys;
    }

    private static PublicJsonWebKey jwk(PublicKey key) {
        try {
            PublicJsonWebKey jwk = (PublicJsonWebKey) JsonWebKey.Factory.newJwk(key);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setUse("sig");
            jwk.setAlgorithm("ES256");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot describe the public key as JWK", e);
        }
    }

    private static void generate(Path location) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            PrivateFiles.write(location, PemKeys.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + PemKeys.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.infof("Generated a new join-token signing key in %s", location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key to " + location, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every JRE", e);
        }
    }

    private static String read(Path location) {
        try {
            return Files.readString(location, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + location, e);
        }
    }
}
