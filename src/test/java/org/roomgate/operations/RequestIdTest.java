package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;

import java.util.List;
import java.util.Map;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api;
import org.roomgate.support.LogCapture;

import io.quarkus.test.junit.QuarkusTest;

/** Every log line of a request carries the request's id, and the response names it. */
@QuarkusTest
class RequestIdTest {

    private final LogCapture log = new LogCapture();

    @BeforeEach
    void captureLog() {
        log.start();
    }

    @AfterEach
    void stopCapture() {
        log.stop();
    }

    @Test
    void shouldTagEveryLineOfARequestWithItsIdAndReturnIt() {
        String tenant = "rid-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = asOps().header(RequestIds.HEADER, "lb-0123456789abcdef").body(Map.of("id", tenant, "name", "School"))
                .post("/api/v1/tenants").then().statusCode(201).extract().header(RequestIds.HEADER);
        assertEquals("lb-0123456789abcdef", id, "an opaque id from a proxy is kept");
        List<ExtLogRecord> lines = log.records().stream().filter(r -> r.getFormattedMessage().contains(tenant)).toList();
        assertFalse(lines.isEmpty(), "the creation is logged");
        lines.forEach(line -> assertEquals(id, line.getMdc(RequestIds.MDC_KEY), line.getFormattedMessage()));

        String key = Api.newKey(tenant, "platform");
        String generated = as(key).body(Map.of("name", "3b", "purpose", "LESSON")).post("/api/v1/rooms")
                .then().statusCode(201).extract().header(RequestIds.HEADER);
        assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
        assertNotEquals(id, generated);
        assertTrue(log.records().stream().anyMatch(r -> r.getFormattedMessage().contains("created for tenant " + tenant)
                && generated.equals(r.getMdc(RequestIds.MDC_KEY))));
    }

    @Test
    void shouldReplaceACallerIdThatCouldCarryPersonalData() {
        String id = asOps().header(RequestIds.HEADER, "Max Mustermann <max@example.org>").get("/api/v1/tenants")
                .then().statusCode(200).extract().header(RequestIds.HEADER);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        // Problem responses carry it too.
        String refused = asOps().get("/api/v1/tenants/no-such-school").then().statusCode(404).extract().header(RequestIds.HEADER);
        assertTrue(refused != null && refused.matches("[0-9a-f-]{36}"));
    }
}
