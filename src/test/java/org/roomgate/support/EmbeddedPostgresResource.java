package org.roomgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.roomgate.database.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Tests run against a real PostgreSQL: a fresh embedded server per test run, unless
 * {@code QUARKUS_DATASOURCE_JDBC_URL} names one, which then wins.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null || System.getProperty(EmbeddedDatabase.URL_KEY) != null) {
            return Map.of();
        }
        try {
            database = EmbeddedDatabase.start(Files.createTempDirectory("roomgate-test-pg").resolve("postgres"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                EmbeddedDatabase.URL_KEY, database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
