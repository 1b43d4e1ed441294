package org.roomgate.database;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The timeouts that bound how long a request can wait for the database (issue 11: a stalled
 * database must give 503 within seconds, not hang). application.properties hands the first
 * three to the JDBC driver; the pool's own acquisition timeout is
 * {@code quarkus.datasource.jdbc.acquisition-timeout}. {@link DatabaseConfigCheck} refuses a
 * timeout below one second at start.
 */
@ConfigMapping(prefix = "roomgate.database")
public interface DatabaseConfig {

    /** Seconds to open a TCP connection to PostgreSQL. */
    @WithDefault("2")
    int connectTimeout();

    /**
     * Seconds without an answer on an open connection before the driver gives up on it: what
     * bounds a request when PostgreSQL stalls. Must be above the statement timeout.
     */
    @WithDefault("5")
    int socketTimeout();

    /** Seconds PostgreSQL lets one statement run (and wait for locks) before cancelling it. */
    @WithDefault("4")
    int statementTimeout();

    /** How long the readiness check waits for {@code SELECT 1} before it says DOWN. */
    @WithDefault("2s")
    Duration readinessTimeout();
}
