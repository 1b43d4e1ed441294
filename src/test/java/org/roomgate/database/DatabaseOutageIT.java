package org.roomgate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.RunningService;

/**
 * Issue 11, points 1, 2, 4 and 5 on the packaged service and its own embedded PostgreSQL,
 * which the tests restart, crash, stop and stall as an outage would. Each test starts from a
 * healthy service and leaves one behind, so they run in any order.
 */
class DatabaseOutageIT {

    @TempDir
    static Path dataDir;
    private static RunningService service;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start(dataDir, Map.of(
                "ROOMGATE_WIPE_INTERVAL", "1s",
                "ROOMGATE_RETENTION_PURGE_INTERVAL", "1s",
                "ROOMGATE_ROOMS_AUTO_CLOSE_INTERVAL", "1s"));
        key = service.newPlatformKey("outage-school");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @BeforeEach
    void awaitHealthy() throws Exception {
        service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
        service.call("GET", "/api/v1/rooms", key, null, 200);
    }

    @Test
    void shouldAnswer503WhileTheDatabaseRestartsAndNoDeadConnectionAfterwards() throws Exception {
        int logBefore = service.log().length();
        List<Integer> statuses = underLoad(() -> service.pgCtl("restart", "-m", "fast", "-w"));
        assertTrue(statuses.contains(503), "no request saw the restart: " + statuses);
        // Longer than the pool's idle validation interval: connections the restart killed are
        // checked before they are handed out again.
        Thread.sleep(1_500);
        for (int i = 0; i < 25; i++) {
            service.call("GET", "/api/v1/rooms", key, null, 200);
        }
        assertNoErrorsLoggedSince(logBefore);
    }

    @Test
    void shouldAnswer503WhileTheDatabaseRecoversFromACrash() throws Exception {
        int logBefore = service.log().length();
        List<Integer> statuses = underLoad(() -> {
            ProcessHandle backend = service.postmaster().children()
                    .filter(p -> RunningService.commandLine(p).contains("127.0.0.1"))
                    .findFirst().orElseThrow(() -> new AssertionError("no client backend"));
            // A crashed backend makes PostgreSQL end every session and recover ("the database
            // system is in recovery mode", 57P03) before it accepts connections again.
            RunningService.signal("KILL", List.of(backend));
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
        });
        assertTrue(statuses.contains(503), "no request saw the crash: " + statuses);
        assertNoErrorsLoggedSince(logBefore);
    }

    @Test
    void shouldFailFastAndReportNotReadyWhileTheDatabaseStalls() throws Exception {
        List<ProcessHandle> postgres = new ArrayList<>();
        postgres.add(service.postmaster());
        service.postmaster().descendants().forEach(postgres::add);
        RunningService.signal("STOP", postgres);
        try {
            long start = System.nanoTime();
            HttpResponse<String> ready = service.send("GET", "/q/health/ready", null, null, Duration.ofSeconds(20));
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("DOWN"), ready.body());
            assertTrue(seconds(start) < 4, "readiness took " + seconds(start) + " s");

            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(CompletableFuture.runAsync(() -> {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = send("GET", "/api/v1/rooms");
                    assertEquals(503, response.statusCode(), response.body());
                    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                    assertTrue(seconds(sent) < 9, "a request took " + seconds(sent) + " s");
                }));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        } finally {
            RunningService.signal("CONT", postgres);
        }
        service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
        service.call("GET", "/api/v1/rooms", key, null, 200);
    }

    @Test
    void shouldWarnOncePerOutageAndJobAndSayWhenTheDatabaseIsBack() throws Exception {
        int logBefore = service.log().length();
        String options = postmasterOptions();
        service.pgCtl("stop", "-m", "fast", "-w");
        try {
            // Several runs of every job (each runs every second) fail while the database is down. A
            // failing run can wait the pool's acquisition timeout (3 s) when the other jobs and the
            // backend-call lanes hold the pool's attempts, so the outage lasts two of those and more.
            Thread.sleep(8_000);
            HttpResponse<String> response = send("GET", "/api/v1/rooms");
            assertEquals(503, response.statusCode(), response.body());
        } finally {
            service.pgCtl("start", "-w", "-o", options);
        }
        service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
        Thread.sleep(2_500);
        String log = service.log().substring(logBefore);
        for (String job : List.of("content-wipe", "metadata-purge", "room-auto-close")) {
            assertEquals(1, count(log, "Scheduled job " + job + ": database unavailable"), job + " in:\n" + log);
            Matcher back = Pattern.compile("Scheduled job " + job + ": database available again after (\\d+) failed runs").matcher(log);
            assertTrue(back.find(), job + " never said it is back:\n" + log);
            assertTrue(Integer.parseInt(back.group(1)) >= 2, "only one failed run of " + job + ", nothing was suppressed");
        }
        assertNoErrorsLoggedSince(logBefore);
    }

    @Test
    void shouldKeepTheEmbeddedDatabaseLockedDown() throws Exception {
        Path passwordFile = dataDir.resolve("postgres.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String hba = Files.readString(service.postgresDirectory().resolve("pg_hba.conf"));
        assertFalse(hba.contains("trust"), hba);
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            String port = Files.readAllLines(service.postgresDirectory().resolve("postmaster.pid")).get(3).trim();
            assertFalse(tmp.anyMatch(p -> p.getFileName().toString().equals(".s.PGSQL." + port)), "a socket in /tmp");
        }
    }

    /** Runs the fault while another thread sends requests; returns their statuses (never 500). */
    private static List<Integer> underLoad(Fault fault) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                HttpResponse<String> response = send("GET", "/api/v1/rooms");
                statuses.add(response.statusCode());
                boolean unavailable = response.statusCode() == 503 && response.body().contains("urn:roomgate:problem:unavailable")
                        && response.headers().firstValue("Retry-After").isPresent();
                if (response.statusCode() != 200 && !unavailable) {
                    wrong.add(response.statusCode() + " " + response.body());
                }
            }
        });
        try {
            fault.run();
            Thread.sleep(500);
        } finally {
            running.set(false);
            load.join();
        }
        assertTrue(wrong.isEmpty(), "answers other than 200 or 503 unavailable: " + wrong);
        return List.copyOf(statuses);
    }

    private static HttpResponse<String> send(String method, String path) {
        try {
            return service.send(method, path, key, null, Duration.ofSeconds(20));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("no answer to " + method + " " + path, e);
        }
    }

    /** The options PostgreSQL was started with (port, no socket, loopback), for a start after a stop. */
    private static String postmasterOptions() throws IOException {
        String opts = Files.readString(service.postgresDirectory().resolve("postmaster.opts")).trim();
        return opts.substring(opts.indexOf(' ') + 1);
    }

    private static void assertNoErrorsLoggedSince(int offset) throws IOException {
        String log = service.log().substring(offset);
        assertFalse(log.contains(" ERROR "), "an ERROR was logged:\n" + log);
        assertFalse(log.contains("\tat "), "a stack trace was logged:\n" + log);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @FunctionalInterface
    private interface Fault {
        void run() throws Exception;
    }
}
