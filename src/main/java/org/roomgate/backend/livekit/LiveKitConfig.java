package org.roomgate.backend.livekit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** LiveKit access tokens. */
@ConfigMapping(prefix = "roomgate.livekit")
public interface LiveKitConfig {

    /**
     * How long a LiveKit token admits a connection; at most an hour. LiveKit checks it at connect
     * and then refreshes it itself for connected clients, so this bounds how long a token handed
     * out can still open a connection, not how long a call lasts.
     */
    @WithDefault("PT5M")
    Duration tokenLifetime();
}
