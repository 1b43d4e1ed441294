package org.roomgate.backend.jitsi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Jitsi tokens and the RSA key that Prosody fetches from roomgate's asap key server. */
@ConfigMapping(prefix = "roomgate.jitsi")
public interface JitsiConfig {

    /**
     * How long a Jitsi token is valid. Prosody checks it only at connect, and roomgate's refresh
     * hands out a new one, so a few minutes suffice; at most an hour.
     */
    @WithDefault("PT5M")
    Duration tokenLifetime();

    /**
     * A PEM file with the RS256 key: a PKCS#8 PRIVATE KEY block and its PUBLIC KEY block. Unset:
     * a 2048-bit key is generated on first start and kept in the data directory (owner-only).
     */
    Optional<Path> asapKeyLocation();
}
