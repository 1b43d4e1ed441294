package org.roomgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as a school's admin runs it: no database configured, production clock
 * and key handling. A conference end to end, through the join token.
 */
class PackagedServiceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A free port: a fixed one met another checkout's service on a shared machine. */
    private static final int PORT = freePort();
    private static final String OPS = "it-ops-key-0123456789abcdef";

    @Test
    void shouldServeAConferenceEndToEnd(@TempDir Path dataDir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("roomgate.jar"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("out.log").toFile());
        builder.environment().put("ROOMGATE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(PORT));
        builder.environment().put("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS);
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        // Real time, with an operator's short interval, so that the auto-close is seen within seconds.
        builder.environment().put("ROOMGATE_ROOMS_AUTO_CLOSE_INTERVAL", "1s");
        Process service = builder.start();
        try {
            awaitReady(service, dataDir);
            call("POST", "/api/v1/tenants", OPS, "{\"id\":\"it-school\",\"name\":\"IT\"}", 201);
            String key = field(call("POST", "/api/v1/tenants/it-school/api-keys", OPS, "{\"role\":\"platform\"}", 201), "key");
            call("PUT", "/api/v1/policy", key, "{\"version\":\"v1\",\"title\":\"Policy\"}", 200);
            call("PUT", "/api/v1/subjects/p-1/consent", key, "{\"policyVersion\":\"v1\",\"grantedBy\":{\"name\":\"G\","
                    + "\"relation\":\"GUARDIAN\"},\"scopes\":[\"CHAT\"],\"purposes\":[\"LESSON\"]}", 200);
            String room = field(call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201), "id");
            String token = field(call("POST", "/api/v1/rooms/" + room + "/join", key,
                    "{\"subjectId\":\"p-1\",\"displayName\":\"Max\",\"role\":\"PUPIL\"}", 200), "token");
            call("POST", "/api/v1/rooms/" + room + "/chat", token, "{\"text\":\"Hallo\"}", 201);
            call("POST", "/api/v1/rooms/" + room + "/token", token, null, 200);
            call("POST", "/api/v1/rooms/" + room + "/close", key, null, 200);
            call("GET", "/api/v1/rooms/" + room + "/chat", token, null, 410);
            assertTrue(Files.exists(dataDir.resolve("keys/signing-key.pem")), "the signing key is kept in the data directory");

            // The default duration ceiling is one day; a longer room is refused, naming the field.
            assertTrue(call("POST", "/api/v1/rooms", key, "{\"name\":\"lang\",\"purpose\":\"LESSON\",\"maxDuration\":\"P2D\"}",
                    400).contains("\"field\":\"maxDuration\""));
            String idle = field(call("POST", "/api/v1/rooms", key,
                    "{\"name\":\"kurz\",\"purpose\":\"LESSON\",\"idleTimeout\":\"PT1S\"}", 201), "id");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!call("GET", "/api/v1/rooms/" + idle, key, null, 200).contains("\"state\":\"CLOSED\"")) {
                assertTrue(System.nanoTime() < deadline, "an idle room was not auto-closed within 20 s");
                Thread.sleep(200);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitReady(Process service, Path dataDir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited:\n" + Files.readString(dataDir.resolve("out.log")));
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s:\n" + Files.readString(dataDir.resolve("out.log")));
    }

    private static String call(String method, String path, String bearer, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
