package org.roomgate.backend.jitsi;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.roomgate.database.DataDirConfig;

/** The Jitsi RSA key, loaded (or generated) once, beside the join-token key. */
public class AsapKeys {

    @Produces
    @Singleton
    AsapKey asapKey(JitsiConfig config, DataDirConfig dataDir) {
        return AsapKey.load(config.asapKeyLocation(), dataDir.dataDir().resolve("keys"));
    }
}
