package org.roomgate.token;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.roomgate.database.DataDirConfig;

import io.quarkus.runtime.Startup;

/** Loads the key ring once at start, and refuses to start with a token setting that makes no sense. */
public class TokenKeys {

    private static final Duration MAX_LIFETIME = Duration.ofDays(1);
    private static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

    @Produces
    @Singleton
    @Startup
    KeyRing keyRing(TokenConfig config, DataDirConfig dataDir, NativeCrypto provider) {
        // The provider is a parameter so that it is installed before the keys are read: keys then
        // come from its key factory and sign natively.
        if (config.lifetime().isNegative() || config.lifetime().isZero() || config.lifetime().compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("roomgate.token.lifetime must be positive and at most P1D, not " + config.lifetime());
        }
        if (config.leeway().isNegative() || config.leeway().compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalStateException("roomgate.token.leeway must be between PT0S and PT5M, not " + config.leeway());
        }
        return KeyRing.load(config.signingKeyLocation(), config.previousPublicKeyLocation(),
                dataDir.dataDir().resolve("keys"));
    }
}
