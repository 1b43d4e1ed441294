package org.roomgate.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * The gauges of API.md "Metrics", read from the database at scrape time, so that every instance
 * reports the same, correct figures however many share the database. One query of four indexed
 * aggregates serves all gauges of a scrape; its result is reused for {@link #REUSE}.
 */
@Startup
@Singleton
public class ConferenceGauges {

    private static final Logger LOG = Logger.getLogger(ConferenceGauges.class);
    /** Long enough to serve one scrape's gauges, short enough that no two scrapes share a reading. */
    static final Duration REUSE = Duration.ofSeconds(2);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    static final String QUERY = """
            SELECT o.rooms, o.participants,
                   (SELECT count(*) FROM conference.room WHERE state = 'CLOSED' AND wiped_at IS NULL) AS wipes_pending,
                   least((SELECT min(created_at) FROM conference.room),
                         (SELECT min(denied_at) FROM conference.join_denial),
                         (SELECT min(refused_at) FROM conference.recording_refusal)) AS oldest
            FROM (SELECT count(*) AS rooms, coalesce(sum(participants_now), 0) AS participants
                  FROM conference.room WHERE state = 'OPEN') o""";

    private record Reading(Instant at, boolean ok, double roomsOpen, double participants, double wipesPending,
            double oldestAgeSeconds) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final SmallRyeHealthReporter health;
    private Reading last;

    ConferenceGauges(AgroalDataSource dataSource, Clock clock, SmallRyeHealthReporter health, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.health = health;
        Gauge.builder("roomgate.rooms.open", this, g -> g.reading().roomsOpen())
                .description("Open rooms, all tenants").register(registry);
        Gauge.builder("roomgate.participants", this, g -> g.reading().participants())
                .description("Participants in open rooms, all tenants").register(registry);
        Gauge.builder("roomgate.wipes.pending", this, g -> g.reading().wipesPending())
                .description("Closed rooms whose content is not wiped yet (R6)").register(registry);
        Gauge.builder("roomgate.metadata.oldest.age", this, g -> g.reading().oldestAgeSeconds()).baseUnit("seconds")
                .description("Age of the oldest conference metadata kept (R8: at most 7 days)").register(registry);
        Gauge.builder("roomgate.database.up", this, g -> g.reading().ok() ? 1 : 0)
                .description("1 if the database answered the last gauge query, else 0 (extension)").register(registry);
        Gauge.builder("roomgate.ready", this, g -> g.health.getReadiness().isDown() ? 0 : 1)
                .description("1 if the readiness checks of /q/health/ready pass, else 0 (extension)").register(registry);
    }

    private synchronized Reading reading() {
        Instant now = clock.instant();
        if (last == null || Duration.between(last.at(), now).compareTo(REUSE) >= 0 || now.isBefore(last.at())) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Timestamp oldest = row.getTimestamp("oldest");
                double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                return new Reading(now, true, row.getLong("rooms"), row.getLong("participants"), row.getLong("wipes_pending"),
                        age);
            }
        } catch (SQLException e) {
            LOG.debugf("Conference gauges unavailable: SQL state %s", e.getSQLState());
            return new Reading(now, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }
}
