package org.roomgate;

import java.util.Optional;

import org.roomgate.database.EmbeddedDatabase;
import org.roomgate.token.NativeCryptoPreload;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Zero-setup start: with no datasource URL configured, an embedded PostgreSQL is started in the
 * data directory before Quarkus reads its datasource configuration, and stopped after it. The
 * build's class-data training run starts the same way and stops once ready ({@link ClassDataTraining}).
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        NativeCryptoPreload.startUnlessOff();
        Optional<EmbeddedDatabase> database = EmbeddedDatabase.startUnlessConfigured();
        try {
            if (ClassDataTraining.requested(args)) {
                Quarkus.run(ClassDataTraining.class, args);
            } else {
                Quarkus.run(args);
            }
        } finally {
            database.ifPresent(EmbeddedDatabase::close);
        }
    }
}
