package org.roomgate.backend;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.roomgate.database.DataDirConfig;

import io.quarkus.runtime.Startup;

/** Loads the backend secret key once at start, so a missing or broken key stops the start, not a join. */
public class SecretBoxProducer {

    @Produces
    @Singleton
    @Startup
    SecretBox secretBox(BackendConfig config, DataDirConfig dataDir) {
        return SecretBox.load(config.secretKeyLocation(), dataDir.dataDir().resolve("keys"));
    }
}
