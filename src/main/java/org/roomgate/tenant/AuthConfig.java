package org.roomgate.tenant;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How callers authenticate (API.md "Callers and authentication"). */
@ConfigMapping(prefix = "roomgate")
public interface AuthConfig {

    /**
     * An operations key accepted as is, so that a fresh installation can create its first
     * tenant. Unset: only keys created through the API work, and there are no ops keys.
     */
    Optional<String> bootstrapOpsKey();
}
