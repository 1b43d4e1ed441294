package org.roomgate.backend.bbb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.backend.bbb.BbbFixture.useStandIn;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.List;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.LogCapture;

import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A hostile BigBlueButton server cannot write roomgate's log: a messageKey with a line break and
 * a forged log line after it is logged escaped, on one line, in the plain and the JSON format.
 */
@QuarkusTest
class BbbLogInjectionTest {

    static final String FORGED = "2026-12-03 12:00:00,000 ERROR [org.roomgate] (main) forged: every consent revoked";
    static BbbStandIn standIn;
    private final LogCapture capture = new LogCapture();

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = BbbStandIn.start(BbbFixture.SECRET);
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
    }

    @Test
    void shouldLogWhatTheServerSendsEscapedOnOneLine() {
        Platform platform = newPlatformWithPolicy();
        useStandIn(platform.tenantId(), standIn, "SHA256");
        standIn.failNext("hooks/create", "hookRefused\n" + FORGED);
        join(platform.key(), newRoom(platform.key(), "LESSON", 5, List.of("AUDIO")), "t-1", "TEACHER");
        // XML reads a CR LF as LF; U+2028 is a line break to some log viewers.
        standIn.failNext("create", "createRefused\u2028\r\n" + FORGED);
        join(platform.key(), newRoom(platform.key(), "LESSON", 5, List.of("AUDIO")), "t-1", "TEACHER");

        List<ExtLogRecord> fromServer = capture.records().stream()
                .filter(r -> r.getFormattedMessage() != null && r.getFormattedMessage().contains("forged: every consent"))
                .toList();
        assertTrue(fromServer.size() >= 2, "the refused hook and the refused create are logged: " + capture.text());
        assertTrue(capture.text().contains("hookRefused\\n2026-12-03"), capture.text());
        assertTrue(capture.text().contains("createRefused\\u2028\\n2026-12-03"), capture.text());
        PatternFormatter plain = new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{2.}] (%t) %X{requestId} %s%e%n");
        JsonFormatter json = new JsonFormatter();
        for (ExtLogRecord record : fromServer) {
            for (String line : List.of(plain.format(record), json.format(record))) {
                String body = line.substring(0, line.length() - 1);
                assertFalse(body.contains("\n") || body.contains("\r") || body.contains("\u2028"),
                        "one line: " + line);
            }
        }
        for (String line : capture.text().split("\n")) {
            assertFalse(line.startsWith("2026-12-03 12:00:00,000"), "a forged line: " + line);
        }
    }
}
