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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.database.EmbeddedDatabase;
import org.roomgate.support.PackagedService;

/**
 * The packaged service as a school's admin runs it: no database configured, production clock
 * and key handling. A conference end to end, through the join token.
 */
class PackagedServiceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // Free ports, not fixed ones: other checkouts run this test on the same machine at the same time.
    private static final int PORT = freePort();
    private static final int SECOND_PORT = freePort();
    private static final String OPS = "it-ops-key-0123456789abcdef";

    @Test
    void shouldServeAConferenceEndToEnd(@TempDir Path dataDir) throws Exception {
        // Real time, with an operator's short interval, so that the auto-close is seen within seconds.
        // -Xshare:on: the JVM refuses to start unless it can map the build's class-data archive,
        // which the README's run command passes (elsewhere the JVM would start without it, slower).
        Process service = start(dataDir, PORT, Map.of("ROOMGATE_ROOMS_AUTO_CLOSE_INTERVAL", "1s"), "-Xshare:on");
        try {
            awaitReady(service, dataDir);
            String key = field(newTenantAndKey(), "key");
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
            assertTrue(Files.readString(dataDir.resolve("out.log")).contains("Join tokens signed by AmazonCorrettoCryptoProvider"),
                    "the native provider signs on Linux x86-64");

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
            stop(service);
        }
    }

    /**
     * Where the native library cannot load (here: its unpack directory cannot be created), the JDK
     * signs, says so once, and the same key, kid and JWKS serve: a token signed natively by the
     * previous start still verifies.
     */
    @Test
    void shouldFallBackToTheJdkProviderWithTheSameKeys(@TempDir Path dataDir) throws Exception {
        Process service = start(dataDir);
        String jwks;
        String token;
        String room;
        try {
            awaitReady(service, dataDir);
            jwks = call("GET", "/.well-known/jwks.json", OPS, null, 200);
            String key = field(newTenantAndKey(), "key");
            room = field(call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201), "id");
            token = field(call("POST", "/api/v1/rooms/" + room + "/join", key,
                    "{\"subjectId\":\"t-1\",\"displayName\":\"Frau K.\",\"role\":\"TEACHER\"}", 200), "token");
        } finally {
            stop(service);
        }
        Files.move(dataDir.resolve("out.log"), dataDir.resolve("native.log"));
        Path notADirectory = Files.writeString(dataDir.resolve("not-a-directory"), "");
        service = start(dataDir, "-Dcom.amazon.corretto.crypto.provider.tmpdir=" + notADirectory.resolve("unpack"));
        try {
            awaitReady(service, dataDir);
            String log = Files.readString(dataDir.resolve("out.log"));
            assertTrue(log.contains("Join tokens signed by SunEC: the native provider did not load"), log);
            assertEquals(1, Pattern.compile("Join tokens signed by").matcher(log).results().count(), log);
            assertEquals(jwks, call("GET", "/.well-known/jwks.json", OPS, null, 200));
            call("POST", "/api/v1/rooms/" + room + "/chat", token, "{\"text\":\"Hallo\"}", 201);
            String fresh = field(call("POST", "/api/v1/rooms/" + room + "/token", token, null, 200), "token");
            call("GET", "/api/v1/rooms/" + room + "/chat", fresh, null, 200);
        } finally {
            stop(service);
        }
    }

    /**
     * API keys are looked up in the shared database on every request, not cached per instance:
     * a key revoked through one instance fails at once on another one.
     */
    @Test
    void shouldRefuseAKeyRevokedOnAnotherInstanceAtItsNextRequest(@TempDir Path dataDir) throws Exception {
        Process first = start(dataDir);
        Process second = null;
        try {
            awaitReady(first, dataDir);
            Matcher database = Pattern.compile("embedded PostgreSQL at (jdbc:postgresql://127\\.0\\.0\\.1:[0-9]+/[a-z]+)")
                    .matcher(Files.readString(dataDir.resolve("out.log")));
            assertTrue(database.find(), "the first instance names its embedded database");
            Path secondDir = Files.createDirectories(dataDir.resolve("second"));
            // The zero-setup database admits only its generated password, kept beside its data (issue 11).
            String password = Files.readString(EmbeddedDatabase.passwordFileOf(dataDir.resolve(EmbeddedDatabase.SUBDIRECTORY))).trim();
            second = start(secondDir, SECOND_PORT, Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.group(1),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", password));
            awaitReady(second, secondDir, SECOND_PORT);
            String created = newTenantAndKey();
            String key = field(created, "key");
            call(SECOND_PORT, "GET", "/api/v1/rooms", key, null, 200);
            call(SECOND_PORT, "GET", "/api/v1/rooms", key, null, 200);

            call("DELETE", "/api/v1/tenants/it-school/api-keys/" + field(created, "id"), OPS, null, 204);

            call(SECOND_PORT, "GET", "/api/v1/rooms", key, null, 401);
            call("GET", "/api/v1/rooms", key, null, 401);
        } finally {
            stop(second, first);
        }
    }

    private static Process start(Path dataDir, String... jvmOptions) throws Exception {
        return start(dataDir, PORT, Map.of(), jvmOptions);
    }

    private static Process start(Path dataDir, int port, Map<String, String> environment, String... jvmOptions)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PackagedService.javaCommand(jvmOptions))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("out.log").toFile());
        builder.environment().put("ROOMGATE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS);
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A tenant "it-school" and the creation response of its platform key. */
    private static String newTenantAndKey() throws Exception {
        call("POST", "/api/v1/tenants", OPS, "{\"id\":\"it-school\",\"name\":\"IT\"}", 201);
        return call("POST", "/api/v1/tenants/it-school/api-keys", OPS, "{\"role\":\"platform\"}", 201);
    }

    private static void stop(Process... services) throws InterruptedException {
        for (Process service : services) {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void awaitReady(Process service, Path dataDir) throws Exception {
        awaitReady(service, dataDir, PORT);
    }

    private static void awaitReady(Process service, Path dataDir, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited:\n" + Files.readString(dataDir.resolve("out.log")));
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 180 s:\n" + Files.readString(dataDir.resolve("out.log")));
    }

    private static String call(String method, String path, String bearer, String body, int expected) throws Exception {
        return call(PORT, method, path, bearer, body, expected);
    }

    private static String call(int port, String method, String path, String bearer, String body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
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
