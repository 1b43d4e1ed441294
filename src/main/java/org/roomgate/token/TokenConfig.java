package org.roomgate.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The join token handed to the conference backend (R7). */
@ConfigMapping(prefix = "roomgate.token")
public interface TokenConfig {

    /** The {@code iss} claim: this service's public URL. */
    @WithDefault("http://localhost:8080")
    String issuer();

    /** The {@code aud} claim: the conference backend. */
    @WithDefault("conference")
    String audience();

    /** How long a join token is valid; at most a day. */
    @WithDefault("PT1H")
    Duration lifetime();

    /** Clock skew tolerated on {@code exp} and {@code nbf} when verifying (extension); at most 5 minutes. */
    @WithDefault("PT30S")
    Duration leeway();

    /**
     * A PEM file with the ES256 (P-256) signing key: a PKCS#8 PRIVATE KEY block and its PUBLIC KEY
     * block. Unset: a key is generated on first start and kept in the data directory.
     */
    Optional<Path> signingKeyLocation();

    /** The previous public key (PEM) during a key rotation: still accepted and published in the JWKS. */
    Optional<Path> previousPublicKeyLocation();

    /**
     * Sign and verify with the native provider (AWS-LC) where it loads (extension). Off, or where
     * it cannot load, the JDK's providers do the same work about 20 times slower.
     */
    @WithDefault("true")
    boolean nativeCrypto();

    /**
     * How many verified join tokens are remembered, so that a participant's requests do not verify
     * the same signature again (extension). Each entry lives until its token expires.
     */
    @WithDefault("10000")
    int verifiedCacheSize();
}
