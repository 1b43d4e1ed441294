package org.roomgate.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * A second database connection that holds a room's row lock, as a busy room's upload or join
 * would, so a test can line requests up behind it in a known order and then let them go.
 */
public final class HeldRoom implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Connection connection;

    private HeldRoom(DataSource dataSource, Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** Locks the room's row (FOR UPDATE) until {@link #release}. */
    public static HeldRoom lock(DataSource dataSource, String roomId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM conference.room WHERE id = ?::uuid FOR UPDATE")) {
            lock.setString(1, roomId);
            lock.executeQuery().close();
        }
        return new HeldRoom(dataSource, connection);
    }

    /** Waits until {@code count} other sessions wait for a lock (a row or an advisory lock). */
    public void awaitWaiting(int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> waiting() >= count);
    }

    /**
     * Waits until the request has either finished or waits for a lock as the {@code count}-th
     * session: a request that the rules make wait shows up waiting; one they let through finishes.
     */
    public void awaitWaitingOrDone(int count, Future<?> request) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> request.isDone() || waiting() >= count);
    }

    public void release() throws SQLException {
        if (!connection.isClosed()) {
            connection.commit();
            connection.close();
        }
    }

    @Override
    public void close() throws SQLException {
        release();
    }

    private int waiting() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
