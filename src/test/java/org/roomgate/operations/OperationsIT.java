package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.PackagedService;
import org.roomgate.support.Scrape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator and a data-protection officer see of the packaged service with its real
 * configuration and clock: JSON logs switched on by one variable, the domain metrics in
 * /q/metrics, the scheduled wipe observed in the lag histogram, and the compliance report.
 */
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "it-ops-key-operations-0123456789";
    private static final String DISPLAY_NAME = "Erika-Unverwechselbar";
    private static final String CLIENT_IP = "198.51.100.231";

    private int port;

    @Test
    void shouldShowMetricsComplianceAndJsonLogsOnThePackagedService(@TempDir Path dataDir) throws Exception {
        port = freePort();
        Path log = dataDir.resolve("out.log");
        ProcessBuilder builder = PackagedService.command(dataDir, log);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS);
        builder.environment().put("ROOMGATE_LOG_JSON", "true");
        builder.environment().put("ROOMGATE_WIPE_INTERVAL", "1s");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        Process service = builder.start();
        try {
            awaitReady(service, log);
            call("POST", "/api/v1/tenants", OPS, "{\"id\":\"ops-school\",\"name\":\"IT\"}", 201);
            String key = JSON.readTree(call("POST", "/api/v1/tenants/ops-school/api-keys", OPS, "{\"role\":\"platform\"}", 201))
                    .get("key").asText();
            call("PUT", "/api/v1/policy", key, "{\"version\":\"v1\",\"title\":\"Policy\"}", 200);
            call("PUT", "/api/v1/subjects/p-1/consent", key, "{\"policyVersion\":\"v1\",\"grantedBy\":{\"name\":\"G\","
                    + "\"relation\":\"GUARDIAN\"},\"scopes\":[\"CHAT\"],\"purposes\":[\"LESSON\"]}", 200);
            String room = JSON.readTree(call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201))
                    .get("id").asText();
            String join = "{\"subjectId\":\"%s\",\"displayName\":\"" + DISPLAY_NAME + "\",\"role\":\"PUPIL\",\"clientIp\":\""
                    + CLIENT_IP + "\"}";
            call("POST", "/api/v1/rooms/" + room + "/join", key, join.formatted("p-1"), 200);
            call("POST", "/api/v1/rooms/" + room + "/join", key, join.formatted("p-2"), 403);
            call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\",\"recording\":true}", 422);

            Scrape open = Scrape.parse(call("GET", "/q/metrics", null, null, 200));
            assertEquals(1, open.require("roomgate_joins_total", "outcome", "admitted"));
            assertEquals(1, open.require("roomgate_joins_total", "outcome", "consent_missing"));
            assertEquals(1, open.require("roomgate_rooms_open"));
            assertEquals(1, open.require("roomgate_participants"));
            assertEquals(1, open.require("roomgate_ready"));

            call("POST", "/api/v1/rooms/" + room + "/close", key, null, 200);
            Scrape wiped = awaitWipe();
            assertEquals(0, wiped.require("roomgate_wipes_pending"));
            assertEquals(1, wiped.require("roomgate_wipe_lag_seconds_bucket", "le", "5.0"), "wiped within seconds of the close");

            JsonNode report = JSON.readTree(call("GET", "/api/v1/compliance", key, null, 200));
            assertEquals(11, report.get("rules").size());
            for (JsonNode rule : report.get("rules")) {
                assertEquals("OK", rule.get("status").asText(), rule.toString());
            }
            JsonNode r5 = report.get("rules").get(4);
            assertEquals(1, r5.get("evidence").get("recordingAttemptsRefusedLast7Days").asInt());
            JsonNode r6 = report.get("rules").get(5);
            assertTrue(r6.get("evidence").get("slowestWipeSecondsLast7Days").asDouble() < 5, r6.toString());
            assertEquals(1, report.get("rules").get(0).get("evidence").get("joinsRefusedConsentMissingLast7Days").asInt());
        } finally {
            service.destroy();
            service.waitFor();
        }
        assertJsonLogWithoutPersonalData(Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    private static void assertJsonLogWithoutPersonalData(List<String> lines) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                entries.add(JSON.readTree(line));
            }
        }
        assertTrue(entries.size() > 5, "the log is JSON:\n" + String.join("\n", lines));
        assertTrue(entries.stream().anyMatch(e -> e.path("message").asText().contains("Room")
                && e.path("mdc").path("requestId").asText().matches("[0-9a-f-]{36}")), "request lines carry their id");
        String all = String.join("\n", lines);
        assertFalse(all.contains(DISPLAY_NAME), "no display name in the log");
        assertFalse(all.contains(CLIENT_IP), "no IP address in the log");
    }

    private Scrape awaitWipe() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Scrape scrape = Scrape.parse(call("GET", "/q/metrics", null, null, 200));
            if (scrape.require("roomgate_wipe_lag_seconds_count") == 1 || System.nanoTime() > deadline) {
                assertEquals(1, scrape.require("roomgate_wipe_lag_seconds_count"), "the scheduled wipe ran");
                return scrape;
            }
            Thread.sleep(200);
        }
    }

    private void awaitReady(Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited:\n" + Files.readString(log));
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s:\n" + Files.readString(log));
    }

    private String call(String method, String path, String bearer, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
