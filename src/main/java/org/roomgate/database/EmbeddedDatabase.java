package org.roomgate.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private static volatile boolean running;
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
        EmbeddedDatabase database = start(dataDir.resolve(SUBDIRECTORY), false);
        System.setProperty(URL_KEY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
        running = true;
        return Optional.of(database);
    }

    /**
     * Starts a server on the given directory. With {@code clean}, the directory is initialised
     * anew (tests); without, existing data is kept (the zero-setup run).
     */
    public static EmbeddedDatabase start(Path directory, boolean clean) {
        try {
            Files.createDirectories(directory);
            reclaimDataDirectory(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            if (!clean) {
                // zonky starts with fsync off for speed; consents are the school's proof, so a kept
                // database must survive a crash. (Test databases are thrown away and stay fast.)
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** Whether this process started the embedded server for its own datasource. */
    public static boolean isRunning() {
        return running;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
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
