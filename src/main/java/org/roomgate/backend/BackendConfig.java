package org.roomgate.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How roomgate talks to conference backends. */
@ConfigMapping(prefix = "roomgate.backend")
public interface BackendConfig {

    /**
     * roomgate's URL as browsers and the backend servers reach it: join links to {@code /enter}
     * and the callback URLs given to the backend start with it. Unset: {@code roomgate.token.issuer}.
     */
    Optional<String> publicUrl();

    /**
     * A file with the AES-256 key (base64) that encrypts backend secrets at rest. Unset: generated
     * on first start and kept in the data directory beside the signing key.
     */
    Optional<Path> secretKeyLocation();

    /** Deadline of one HTTP call to a backend as a whole: connect, headers and the complete body. */
    @WithDefault("PT5S")
    Duration callTimeout();

    /**
     * How many tenants' recorded calls one instance performs at once. A tenant's calls run one
     * after another in one lane, so a slow server delays only its own tenant.
     */
    @WithDefault("4")
    int callLanes();

    /**
     * How many backend calls of one tenant requests may wait for at once on one instance (the
     * join-time create, {@code /enter}); one more is answered 503 with Retry-After at once.
     */
    @WithDefault("4")
    int requestCallsPerTenant();

    /** How often calls waiting for retry are looked at. */
    @WithDefault("5s")
    String retryInterval();

    /** The wait before the first retry; it doubles with each failure up to {@link #retryMax()}. */
    @WithDefault("PT5S")
    Duration retryInitial();

    /** The longest wait between two attempts of one call. */
    @WithDefault("PT5M")
    Duration retryMax();

    /** A call not confirmed after this long is given up (R8 keeps no conference metadata longer). */
    @WithDefault("P7D")
    Duration giveUpAfter();
}
