package org.roomgate.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;

/**
 * Plain JDBC on the pool's connection, for the paths every join and participant request takes,
 * where opening a Hibernate session would cost more than the statement. Inside a transaction the
 * pool hands out the connection enlisted in it (the one Hibernate uses too), so the statements
 * commit or roll back with it. A failure surfaces as a {@link PersistenceException} carrying the
 * {@link SQLException}, which {@code problem/DatabaseFailures} classifies like any other.
 */
@ApplicationScoped
public class PooledStatements {

    /** Work on the connection; it closes what it opens. */
    @FunctionalInterface
    public interface OnConnection<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work with one prepared statement, which is closed afterwards. */
    @FunctionalInterface
    public interface OnStatement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    PooledStatements(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T onConnection(OnConnection<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("Statement on the pool's connection failed", e);
        }
    }

    /** {@code sql} prepared (one statement, or several sent as one batch), bound and read by {@code work}. */
    public <T> T prepared(String sql, OnStatement<T> work) {
        return onConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        });
    }
}
