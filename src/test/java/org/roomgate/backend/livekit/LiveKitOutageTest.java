package org.roomgate.backend.livekit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.LogCapture;
import org.roomgate.support.Scrape;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A LiveKit server that does not answer (the Twirp stand-in's "unavailable"): each join is a 503
 * with Retry-After, counted as a failed join-time call, and the outage is one WARN line with ids
 * when it starts and one line when the server answers again, not a line per join.
 */
@QuarkusTest
class LiveKitOutageTest {

    static TwirpStandIn standIn;
    private final LogCapture capture = new LogCapture();

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = new TwirpStandIn();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @BeforeEach
    void captureLog() {
        capture.start();
    }

    @AfterEach
    void stopCapture() {
        capture.stop();
        standIn.unavailable(false);
    }

    @Test
    void shouldAnswer503WithRetryAfterCountItAndLogTheOutageOnce() {
        Platform platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", standIn.apiUrl(), "apiKey", "APIroomgate",
                "apiSecret", LiveKitLifecycleTest.API_SECRET)).put("/api/v1/tenants/{t}/backend", platform.tenantId())
                .then().statusCode(200);
        String room = newRoom(platform.key(), "LESSON", 30, List.of("AUDIO"));
        grantConsent(platform.key(), "p-down", "2020-11-19", List.of("AUDIO"), ALL_PURPOSES);
        double failedBefore = joins("failed");
        double okBefore = joins("ok");

        standIn.unavailable(true);
        for (String subject : List.of("t-1", "t-2", "p-down")) {
            as(platform.key()).body(joinBody(subject, subject.startsWith("t") ? "TEACHER" : "PUPIL"))
                    .post("/api/v1/rooms/{r}/join", room).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:roomgate:problem:unavailable"));
        }
        assertEquals(3, joins("failed") - failedBefore);
        List<ExtLogRecord> outage = outageLines(platform.tenantId());
        assertEquals(1, outage.size(), "one line for three failed joins: " + capture.text());
        assertEquals(Level.WARNING.intValue(), outage.get(0).getLevel().intValue());
        String started = outage.get(0).getFormattedMessage();
        assertTrue(started.contains("LIVEKIT") && started.contains(" join "), started);

        standIn.unavailable(false);
        as(platform.key()).body(joinBody("t-4", "TEACHER")).post("/api/v1/rooms/{r}/join", room).then().statusCode(200);
        as(platform.key()).body(joinBody("t-5", "TEACHER")).post("/api/v1/rooms/{r}/join", room).then().statusCode(200);
        assertEquals(2, joins("ok") - okBefore);
        outage = outageLines(platform.tenantId());
        assertEquals(2, outage.size(), "the end of the outage, once: " + capture.text());
        assertTrue(outage.get(1).getFormattedMessage().contains("after 3 failed"), outage.get(1).getFormattedMessage());
        String logged = capture.text();
        for (String personal : List.of("p-down", "Max M.", "203.0.113.77", "TestBrowser")) {
            assertTrue(!logged.contains(personal), "no personal data in the log: " + personal);
        }
    }

    private List<ExtLogRecord> outageLines(String tenantId) {
        return capture.records().stream()
                .filter(r -> r.getLoggerName().startsWith("org.roomgate.backend") && r.getFormattedMessage().contains("outage"))
                .filter(r -> r.getFormattedMessage().contains(tenantId)).toList();
    }

    private static double joins(String outcome) {
        return Scrape.now().value("roomgate_backend_calls_total", "backend", "livekit", "call", "join", "outcome", outcome)
                .orElse(0);
    }
}
