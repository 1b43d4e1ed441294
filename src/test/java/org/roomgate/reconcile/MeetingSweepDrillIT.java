package org.roomgate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.backend.bbb.BbbStandIn;
import org.roomgate.support.RunningService;
import org.roomgate.support.Scrape;

/**
 * The crash drill of README "Operating without backups (R9)" on the packaged jar with its own
 * embedded PostgreSQL: a room with a BigBlueButton meeting (on the stand-in), the postmaster
 * killed with SIGKILL and started again, so that crash recovery empties the conference schema;
 * the service's pool reconnects, and the next sweep ends the meeting the database forgot, while
 * another application's meeting on the same server stays.
 */
class MeetingSweepDrillIT {

    private static final String SECRET = "5c1e9a7b-3d2f-4b8e-a6c4-0e9d7f1b2a3c";
    private static final String FOREIGN = "Elternabend-3b";

    @Test
    void shouldEndTheMeetingOfARoomThatADatabaseCrashForgot(@TempDir Path dataDir) throws Exception {
        try (BbbStandIn bbb = BbbStandIn.start(SECRET);
                RunningService service = RunningService.start(dataDir, Map.of("ROOMGATE_RECONCILE_INTERVAL", "1s",
                        "ROOMGATE_BACKEND_PUBLIC_URL", "https://roomgate.drill/"))) {
            String key = service.newPlatformKey("drill-school");
            service.call("PUT", "/api/v1/tenants/drill-school/backend", RunningService.OPS_KEY, "{\"kind\":\"BIGBLUEBUTTON\","
                    + "\"url\":\"" + bbb.url() + "\",\"secret\":\"" + SECRET + "\"}", 200);
            String room = RunningService.field(service.call("POST", "/api/v1/rooms", key,
                    "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201), "id");
            service.call("POST", "/api/v1/rooms/" + room + "/join", key,
                    "{\"subjectId\":\"t-1\",\"displayName\":\"Frau L.\",\"role\":\"TEACHER\"}", 200);
            String meeting = "drill-school--" + room;
            bbb.foreignMeeting(FOREIGN);
            assertTrue(bbb.isRunning(meeting), "the join created the meeting");

            // Three sweeps with the room open leave its meeting alone.
            int listed = listings(bbb);
            awaitTrue(() -> listings(bbb) >= listed + 3, Duration.ofSeconds(30), "no sweeps ran:\n" + service.log());
            assertTrue(bbb.isRunning(meeting), "an open room's meeting stays");

            crashAndRecover(service);
            long recovered = System.nanoTime();
            awaitTrue(() -> !bbb.isRunning(meeting), Duration.ofSeconds(30), "the meeting still runs:\n" + service.log());
            long endedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recovered);

            assertTrue(bbb.isRunning(FOREIGN), "another application's meeting stays");
            service.call("GET", "/api/v1/rooms/" + room, key, null, 404);
            // The sweep counts and logs after the server confirmed the end, so wait for its line too.
            String ended = "ended 1 BIGBLUEBUTTON meeting(s) without an open room: rooms [" + room + "]";
            awaitTrue(() -> service.log().contains(ended), Duration.ofSeconds(10), "the sweep logged no end");
            String log = service.log();
            assertEquals(1, count(log, "The conference schema came back empty"), log);
            Scrape metrics = Scrape.parse(service.call("GET", "/q/metrics", null, null, 200));
            assertEquals(1, metrics.require("roomgate_reconcile_meetings_ended_total", "backend", "bigbluebutton"));
            System.out.println("Drill: meeting ended " + endedAfterMillis + " ms after PostgreSQL accepted connections again");
        }
    }

    /** kill -9 of the postmaster; once its children are gone, a start on the same data directory recovers. */
    private static void crashAndRecover(RunningService service) throws Exception {
        service.pgCtl("status");
        String opts = Files.readString(service.postgresDirectory().resolve("postmaster.opts")).trim();
        String options = opts.substring(opts.indexOf(' ') + 1);
        ProcessHandle postmaster = service.postmaster();
        List<ProcessHandle> children = postmaster.descendants().toList();
        RunningService.signal("KILL", List.of(postmaster));
        // Each child notices its postmaster's death and exits; a new postmaster refuses to start
        // while one of them still holds the old shared memory.
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        service.pgCtl("start", "-w", "-o", options);
        service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
    }

    private static int listings(BbbStandIn bbb) {
        return (int) bbb.received.stream().filter("getMeetings"::equals).count();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, Duration within, String failure) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(100);
        }
    }
}
