package org.roomgate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void shouldRemovePidFileOfProcessThatNoLongerRuns(@TempDir Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        // PIDs are below 2^22 on Linux, so this one cannot be running.
        Files.writeString(pidFile, "99999999\n" + dir + "\n");
        EmbeddedDatabase.reclaimDataDirectory(dir);
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void shouldKeepDirectoryWithoutPidFileUntouched(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("PG_VERSION"), "17\n");
        EmbeddedDatabase.reclaimDataDirectory(dir);
        assertTrue(Files.exists(dir.resolve("PG_VERSION")));
    }

    @Test
    void shouldLogDatabaseWithoutPasswordOrUser() {
        assertEquals("jdbc:postgresql://db:5432/roomgate",
                DatabaseStartupLog.withoutParameters("jdbc:postgresql://db:5432/roomgate?user=rg&password=secret"));
        assertEquals("jdbc:postgresql://db:5432/roomgate",
                DatabaseStartupLog.withoutParameters("jdbc:postgresql://rg:secret@db:5432/roomgate"));
    }

    /** Issue 11, point 5: no local user gets in without the generated password, and there is no socket. */
    @Test
    void shouldRequireTheGeneratedPasswordOnLoopbackOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, true)) {
            assertLockedDown(database, data);
        }
    }

    @Test
    void shouldLockDownADirectoryThatUsedToTrustLocalUsers(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        // How earlier versions left the directory: zonky's defaults, trusting everyone, no password file.
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start()) {
            try (Connection c = connect(trusting.getPort(), null)) {
                assertTrue(c.isValid(1), "the old directory trusts");
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, false)) {
            assertLockedDown(database, data);
        }
    }

    private static void assertLockedDown(EmbeddedDatabase database, Path data) throws Exception {
        Path passwordFile = EmbeddedDatabase.passwordFileOf(data);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(database.password(), Files.readString(passwordFile).trim());
        SQLException noPassword = assertThrows(SQLException.class, () -> connect(database.port(), null).close());
        assertEquals("08004", noPassword.getSQLState(), noPassword.getMessage());
        SQLException wrong = assertThrows(SQLException.class, () -> connect(database.port(), "guess").close());
        assertEquals("28P01", wrong.getSQLState());
        try (Connection c = connect(database.port(), database.password()); Statement s = c.createStatement()) {
            assertEquals("127.0.0.1", show(s, "listen_addresses"));
            assertEquals("", show(s, "unix_socket_directories"));
        }
        try (Stream<Path> tmp = Files.list(Path.of("/tmp")); Stream<Path> own = Files.list(data)) {
            String socket = ".s.PGSQL." + database.port();
            assertFalse(Stream.concat(tmp, own).anyMatch(p -> p.getFileName().toString().startsWith(socket)), "a Unix socket exists");
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet r = statement.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }
}
