package org.roomgate.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sweep that ends backend meetings roomgate no longer has an open room for. */
@ConfigMapping(prefix = "roomgate.reconcile")
public interface ReconcileConfig {

    /**
     * How often every tenant's BigBlueButton or LiveKit server is asked for its meetings (a Quarkus
     * {@code every} value such as {@code 1m}, or {@code off}). The first sweep runs at start. A
     * meeting forgotten in a database crash keeps its pupils at most this long after the database
     * is back.
     */
    @WithDefault("1m")
    String interval();
}
