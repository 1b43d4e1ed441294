package org.roomgate.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Who may connect to the embedded PostgreSQL: only a client that knows the generated password,
 * only over loopback TCP, and never through a Unix socket (zonky's defaults trust every local
 * user as superuser, on 127.0.0.1 and on a socket in /tmp).
 */
final class DatabaseAccess {

    static final String LOOPBACK = "127.0.0.1";
    private static final Logger LOG = Logger.getLogger(DatabaseAccess.class);
    /** The only line of pg_hba.conf: password (SCRAM) over loopback TCP; no socket, no replication. */
    private static final String HBA = """
            # Written by roomgate at every start of its embedded PostgreSQL: password only, loopback only.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    private DatabaseAccess() {
    }

    /**
     * Configures the server to listen on loopback only, without a Unix socket, and initdb (for a
     * new directory) to require the password from the file. zonky runs initdb with
     * {@code -A trust} and appends its "locale" options after it; initdb takes the last value
     * of an option, so these override trust.
     */
    static void lockDown(EmbeddedPostgres.Builder builder, Path passwordFile, boolean trusting) {
        builder.setServerConfig("listen_addresses", LOOPBACK)
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString());
        if (!trusting) {
            builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        }
    }

    /** A new random password (256 bits), written to a file that only its owner can read. */
    static String writeNewPassword(Path passwordFile) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path temporary = passwordFile.resolveSibling(passwordFile.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, passwordFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /** For a directory that still trusts: sets the password, then requires it from now on. */
    static void setPasswordAndLockDown(String jdbcUrl, String password, Path directory) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
                Statement statement = connection.createStatement()) {
            // The password is base64url, so it needs no escaping inside the literal.
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            writeHba(directory);
            statement.execute("SELECT pg_reload_conf()");
        }
        LOG.info("Embedded PostgreSQL now requires the generated password (it trusted local users before)");
    }

    private static void writeHba(Path directory) {
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Could not restrict access to the embedded PostgreSQL", e);
        }
    }
}
