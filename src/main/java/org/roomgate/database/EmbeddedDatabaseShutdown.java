package org.roomgate.database;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Stops the embedded PostgreSQL once Quarkus has let in-flight requests finish (the graceful
 * shutdown runs before this event), and not earlier from a JVM hook of its own: stopping it
 * at SIGTERM cut requests that were still being answered.
 */
@Singleton
public class EmbeddedDatabaseShutdown {

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.stopStarted();
    }
}
