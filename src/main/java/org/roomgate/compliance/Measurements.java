package org.roomgate.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Read-only SQL for the checks, each statement on its own connection in auto-commit: a check
 * that fails (a missing privilege, a timeout) cannot abort the others' measurements.
 */
@ApplicationScoped
public class Measurements {

    /** A slow catalog must not hang the report. */
    private static final int TIMEOUT_SECONDS = 5;

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Measurements(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... parameters) {
        return one(sql, row -> row.getLong(1), parameters);
    }

    public <T> T one(String sql, Row<T> reader, Object... parameters) {
        List<T> rows = list(sql, reader, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    public <T> List<T> list(String sql, Row<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new MeasurementFailed(e.getSQLState());
        }
    }

    /** A measurement that could not be taken; the rule becomes UNKNOWN. Carries no data, only the SQL state. */
    public static class MeasurementFailed extends RuntimeException {
        MeasurementFailed(String sqlState) {
            super("the database refused the measurement (SQL state " + sqlState + ")", null, false, false);
        }
    }

    /** Seconds from {@code from} to {@code now}, or null when there is no {@code from}. */
    static Long secondsSince(OffsetDateTime from, Instant now) {
        return from == null ? null : Math.max(0, now.getEpochSecond() - from.toEpochSecond());
    }
}
