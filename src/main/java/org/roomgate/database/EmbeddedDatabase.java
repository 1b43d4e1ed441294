package org.roomgate.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from the binaries on the classpath, so that a school's admin can try
 * roomgate with one command. It is only started when no datasource URL is configured: an
 * explicit {@code QUARKUS_DATASOURCE_JDBC_URL} always wins.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String URL_KEY = "quarkus.datasource.jdbc.url";
    public static final String DATA_DIR_KEY = "roomgate.data-dir";
    public static final String DEFAULT_DATA_DIR = "data";
    public static final String SUBDIRECTORY = "postgres";
    /** zonky holds a lock on this file in the data directory while its server runs. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String SUPERUSER = "postgres";
    private static volatile boolean running;
    private static volatile EmbeddedDatabase started;
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final String password;
    private final Path directory;
    private final boolean clean;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password, Path directory, boolean clean) {
        this.postgres = postgres;
        this.password = password;
        this.directory = directory;
        this.clean = clean;
    }

    /**
     * Starts the embedded server and points the datasource at it through system properties,
     * unless the environment or system properties already name a database.
     */
    public static Optional<EmbeddedDatabase> startUnlessConfigured() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().build();
        if (config.getOptionalValue(URL_KEY, String.class).isPresent()) {
            return Optional.empty();
        }
        Path dataDir = Path.of(config.getOptionalValue(DATA_DIR_KEY, String.class).orElse(DEFAULT_DATA_DIR));
        // Stopped by Main after Quarkus has finished its graceful shutdown, not by a JVM hook
        // that would race the requests still in flight.
        EmbeddedDatabase database = start(dataDir.resolve(SUBDIRECTORY), false, false);
        System.setProperty(URL_KEY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", SUPERUSER);
        System.setProperty("quarkus.datasource.password", database.password());
        running = true;
        started = database;
        return Optional.of(database);
    }

    /**
     * Starts a server on the given directory. With {@code clean}, the directory is initialised
     * anew and removed on close (tests); without, existing data is kept (the zero-setup run).
     */
    public static EmbeddedDatabase start(Path directory, boolean clean) {
        return start(directory, clean, true);
    }

    private static EmbeddedDatabase start(Path directory, boolean clean, boolean stopOnJvmExit) {
        try {
            Files.createDirectories(directory);
            reclaimDataDirectory(directory);
            Path passwordFile = passwordFileOf(directory);
            if (clean) {
                deleteRecursively(directory);
                Files.deleteIfExists(passwordFile);
                Files.createDirectories(directory);
            }
            boolean initialised = Files.exists(directory.resolve("postgresql.conf"));
            // A directory from a version that trusted every local user has no password file yet:
            // it starts once as it is, gets a password, and is locked down before anyone else uses it.
            boolean trusting = initialised && !Files.exists(passwordFile);
            String password = Files.exists(passwordFile)
                    ? Files.readString(passwordFile, StandardCharsets.US_ASCII).trim()
                    : DatabaseAccess.writeNewPassword(passwordFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setConnectConfig("password", password)
                    .setServerConfig("max_connections", "100");
            DatabaseAccess.lockDown(builder, passwordFile, trusting);
            if (!clean) {
                // zonky starts with fsync off for speed; consents are the school's proof, so a kept
                // database must survive a crash. (Test databases are thrown away and stay fast.)
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), password, directory, clean);
            if (trusting) {
                DatabaseAccess.setPasswordAndLockDown(database.jdbcUrl(), password, directory);
            }
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** Stops the server that {@link #startUnlessConfigured()} started, if any; safe to call twice. */
    static void stopStarted() {
        EmbeddedDatabase database = started;
        if (database != null) {
            database.close();
        }
    }

    /** Whether this process started the embedded server for its own datasource. */
    public static boolean isRunning() {
        return running;
    }

    /** The generated password is kept beside the data directory, readable by its owner only. */
    public static Path passwordFileOf(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".password");
    }

    /** Loopback only; user and password are given separately, never in the URL. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + DatabaseAccess.LOOPBACK + ":" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        if (clean) {
            try {
                deleteRecursively(directory);
                Files.deleteIfExists(passwordFileOf(directory));
            } catch (IOException e) {
                LOG.warnf("Could not remove the test database directory %s", directory);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * After a hard kill of roomgate, its PostgreSQL either died too and left a stale
     * {@code postmaster.pid}, or lives on as an orphan. A running roomgate holds zonky's lock
     * file on the directory; if we can take that lock, no live instance owns the server, so a
     * stale file is removed and an orphan is shut down cleanly. If the lock is held, another
     * instance uses the directory and starting fails loudly instead.
     */
    static void reclaimDataDirectory(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (!isFreeOfOtherInstances(directory)) {
            throw new IllegalStateException("Another roomgate uses " + directory.toAbsolutePath()
                    + "; stop it or set roomgate.data-dir to another directory.");
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                .findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan = Optional.empty();
        try {
            orphan = ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            // An unreadable pid file cannot belong to a running server.
        }
        if (orphan.isEmpty()) {
            LOG.infof("Removing stale postmaster.pid (pid %s no longer runs)", firstLine);
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.infof("Stopping orphaned embedded PostgreSQL (pid %s) left by a killed roomgate", firstLine);
        ProcessHandle server = orphan.get();
        server.destroy();
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Orphaned PostgreSQL (pid " + firstLine + ") did not stop; stop it by hand", e);
        }
    }

    private static boolean isFreeOfOtherInstances(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }
}
