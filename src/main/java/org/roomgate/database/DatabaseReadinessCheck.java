package org.roomgate.database;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only if PostgreSQL answers {@code SELECT 1} within {@code roomgate.database.readiness-timeout}.
 * The check runs on its own threads and is abandoned at the timeout, so a stalled database
 * makes readiness say DOWN quickly instead of hanging the probe (Quarkus' own check waits as
 * long as the driver does). During shutdown Quarkus' shutdown check says DOWN as well.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "Database connections health check";

    private final DataSource dataSource;
    private final DatabaseConfig config;
    private final ExecutorService probes = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseReadinessCheck(DataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Future<?> probe = probes.submit(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
        try {
            probe.get(config.readinessTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up().build();
        } catch (TimeoutException e) {
            probe.cancel(true);
            return down("no answer within " + config.readinessTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down("unreachable");
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("database", reason).build();
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
