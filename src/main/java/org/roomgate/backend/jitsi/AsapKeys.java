package org.roomgate.backend.jitsi;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.roomgate.database.DataDirConfig;
import org.roomgate.database.EmbeddedDatabase;

import io.quarkus.runtime.Startup;

/** The Jitsi RSA key, loaded (or generated) once, beside the join-token key. */
public class AsapKeys {

    /** At start, so that a missing or unreadable configured key stops the start, not a lesson's first join. */
    @Produces
    @Singleton
    @Startup
    AsapKey asapKey(JitsiConfig config, DataDirConfig dataDir) {
        return AsapKey.load(config.asapKeyLocation(), dataDir.dataDir().resolve("keys"), !EmbeddedDatabase.isRunning());
    }
}
