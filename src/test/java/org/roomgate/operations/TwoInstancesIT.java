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
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.backend.bbb.BbbStandIn;
import org.roomgate.database.EmbeddedDatabase;
import org.roomgate.support.PackagedService;
import org.roomgate.support.Scrape;
import org.roomgate.support.TricklingServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scale-out evidence (README "Scaling out"): two packaged instances, started at the same time on
 * one PostgreSQL with one signing key and one Jitsi key. The capacity rule holds for joins spread
 * over both, a room closed on one is wiped exactly once by whichever instance's job claims it,
 * both report the same database-wide gauges and compliance, a token issued by one works on the
 * other, and both publish the one Jitsi key that verifies a Jitsi token from either.
 */
class TwoInstancesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "it-ops-key-two-instances-0123456789";
    private static final int LIMIT = 5;
    private static final int PUPILS = 12;
    private static final String BBB_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    /** Calls owed to the slow school: three rounds of two instances, each round one call deadline long. */
    private static final int SLOW_CALLS = 6;

    private record Instance(Process process, int port, Path log) {
    }

    /** The keys every instance must share, as a Secret gives them to every pod. */
    private record SharedKeys(Path signing, Path backend, Path asap) {

        static SharedKeys write(Path dir) throws Exception {
            SharedKeys keys = new SharedKeys(dir.resolve("signing-key.pem"), dir.resolve("backend-secret.key"),
                    dir.resolve("jitsi-asap-key.pem"));
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            writeKeyPair(keys.signing(), ec);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            writeKeyPair(keys.asap(), rsa);
            byte[] aesKey = new byte[32];
            new java.security.SecureRandom().nextBytes(aesKey);
            Files.writeString(keys.backend(), Base64.getEncoder().encodeToString(aesKey));
            return keys;
        }
    }

    @Test
    void shouldShareOnePostgresqlCorrectly(@TempDir Path dir) throws Exception {
        SharedKeys keys = SharedKeys.write(dir);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("pg"), true)) {
            List<Instance> instances = List.of(start(dir.resolve("a"), database, keys),
                    start(dir.resolve("b"), database, keys));
            try {
                for (Instance instance : instances) {
                    awaitReady(instance);
                }
                Instance a = instances.get(0);
                Instance b = instances.get(1);
                assertEquals(call(a, "GET", "/.well-known/jwks.json", null, null, 200),
                        call(b, "GET", "/.well-known/jwks.json", null, null, 200), "one key, one JWKS");

                call(a, "POST", "/api/v1/tenants", OPS, "{\"id\":\"two-schools\",\"name\":\"IT\"}", 201);
                String platform = JSON.readTree(call(b, "POST", "/api/v1/tenants/two-schools/api-keys", OPS,
                        "{\"role\":\"platform\"}", 201)).get("key").asText();
                call(a, "PUT", "/api/v1/policy", platform, "{\"version\":\"v1\",\"title\":\"Policy\"}", 200);
                for (int i = 0; i < PUPILS; i++) {
                    call(i % 2 == 0 ? a : b, "PUT", "/api/v1/subjects/p-" + i + "/consent", platform, "{\"policyVersion\":\"v1\","
                            + "\"grantedBy\":{\"name\":\"G\",\"relation\":\"GUARDIAN\"},\"scopes\":[\"CHAT\"],\"purposes\":[\"LESSON\"]}", 200);
                }
                String room = JSON.readTree(call(a, "POST", "/api/v1/rooms", platform,
                        "{\"name\":\"3b\",\"purpose\":\"LESSON\",\"maxParticipants\":" + LIMIT + "}", 201)).get("id").asText();

                List<CompletableFuture<HttpResponse<String>>> joins = IntStream.range(0, PUPILS)
                        .mapToObj(i -> send(i % 2 == 0 ? a : b, "POST", "/api/v1/rooms/" + room + "/join", platform,
                                "{\"subjectId\":\"p-" + i + "\",\"displayName\":\"P\",\"role\":\"PUPIL\"}"))
                        .toList();
                List<HttpResponse<String>> answers = new ArrayList<>();
                for (var join : joins) {
                    answers.add(join.join());
                }
                assertEquals(LIMIT, answers.stream().filter(r -> r.statusCode() == 200).count(), "R10 across instances");
                assertEquals(PUPILS - LIMIT, answers.stream().filter(r -> r.statusCode() == 409).count());

                Scrape onA = scrape(a);
                Scrape onB = scrape(b);
                for (String gauge : List.of("roomgate_rooms_open", "roomgate_participants")) {
                    assertEquals(onA.require(gauge), onB.require(gauge), gauge + " is the database's, not an instance's");
                }
                assertEquals(LIMIT, onA.require("roomgate_participants"));
                assertEquals(LIMIT, onA.require("roomgate_joins_total", "outcome", "admitted")
                        + onB.require("roomgate_joins_total", "outcome", "admitted"), "counters add up over instances");
                assertEquals(PUPILS - LIMIT, onA.require("roomgate_joins_total", "outcome", "room_full")
                        + onB.require("roomgate_joins_total", "outcome", "room_full"));

                String token = JSON.readTree(answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body())
                        .get("token").asText();
                call(a, "POST", "/api/v1/rooms/" + room + "/token", token, null, 200);
                call(b, "POST", "/api/v1/rooms/" + room + "/token", token, null, 200);

                call(b, "POST", "/api/v1/rooms/" + room + "/close", platform, null, 200);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                double wipes;
                do {
                    Thread.sleep(300);
                    wipes = scrape(a).require("roomgate_wipe_lag_seconds_count") + scrape(b).require("roomgate_wipe_lag_seconds_count");
                } while (wipes < 1 && System.nanoTime() < deadline);
                Thread.sleep(2_500);
                assertEquals(1, scrape(a).require("roomgate_wipe_lag_seconds_count") + scrape(b).require("roomgate_wipe_lag_seconds_count"),
                        "wiped once, by one of the two jobs");
                assertEquals(0, scrape(a).require("roomgate_wipes_pending"));
                assertEquals(0, scrape(b).require("roomgate_wipes_pending"));

                JsonNode reportA = JSON.readTree(call(a, "GET", "/api/v1/compliance", platform, null, 200)).get("rules");
                JsonNode reportB = JSON.readTree(call(b, "GET", "/api/v1/compliance", platform, null, 200)).get("rules");
                for (int i = 0; i < 11; i++) {
                    assertEquals("OK", reportA.get(i).get("status").asText(), reportA.get(i).toString());
                    assertEquals(reportA.get(i).get("status"), reportB.get(i).get("status"));
                }

                assertJitsiKeyFromEither(a, b);
            } finally {
                for (Instance instance : instances) {
                    instance.process().destroy();
                }
                for (Instance instance : instances) {
                    instance.process().waitFor();
                }
            }
        }
    }

    /**
     * Habit 7 for backend calls: a school whose server trickles its answers owes calls that both
     * instances take up; another school's close is still performed at once, by either instance.
     */
    @Test
    void shouldEndAnotherSchoolsMeetingWhileASlowSchoolsCallsRunOnBothInstances(@TempDir Path dir) throws Exception {
        SharedKeys keys = SharedKeys.write(dir);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("pg"), true);
                TricklingServer slow = new TricklingServer();
                BbbStandIn quick = BbbStandIn.start(BBB_SECRET)) {
            List<Instance> instances = List.of(start(dir.resolve("a"), database, keys),
                    start(dir.resolve("b"), database, keys));
            try {
                for (Instance instance : instances) {
                    awaitReady(instance);
                }
                Instance a = instances.get(0);
                Instance b = instances.get(1);
                String slowSchool = bbbSchool(a, "slow-school", slow.url() + "bigbluebutton/");
                String quickSchool = bbbSchool(b, "quick-school", quick.url());
                String quickRoom = room(a, quickSchool);
                call(a, "POST", "/api/v1/rooms/" + quickRoom + "/join", quickSchool,
                        "{\"subjectId\":\"t-1\",\"displayName\":\"T\",\"role\":\"TEACHER\"}", 200);
                List<String> slowRooms = new ArrayList<>();
                for (int i = 0; i < SLOW_CALLS; i++) {
                    slowRooms.add(room(a, slowSchool));
                }
                for (int i = 0; i < SLOW_CALLS; i++) {
                    call(i % 2 == 0 ? a : b, "POST", "/api/v1/rooms/" + slowRooms.get(i) + "/close", slowSchool, null, 200);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (slow.trickling() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(slow.trickling() >= 2, "both instances perform a call of the slow school: " + slow.paths());

                long start = System.nanoTime();
                call(b, "POST", "/api/v1/rooms/" + quickRoom + "/close", quickSchool, null, 200);
                String meeting = "quick-school--" + quickRoom;
                deadline = start + Duration.ofSeconds(20).toNanos();
                while (!quick.ends.contains(meeting) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                long sentToSlow = slow.requests("/end");
                assertTrue(quick.ends.contains(meeting), "the quick school's meeting was never ended");
                // Behind the slow school's calls it would wait for a deadline (5 s) or, unbounded, the whole trickle.
                assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "the quick school's end took " + took);
                assertTrue(sentToSlow < SLOW_CALLS, "ended while the slow school still owed calls: " + slow.paths());
            } finally {
                for (Instance instance : instances) {
                    instance.process().destroy();
                }
                for (Instance instance : instances) {
                    instance.process().waitFor();
                }
            }
        }
    }

    private static String bbbSchool(Instance instance, String tenantId, String url) throws Exception {
        call(instance, "POST", "/api/v1/tenants", OPS, "{\"id\":\"" + tenantId + "\",\"name\":\"IT\"}", 201);
        String platform = JSON.readTree(call(instance, "POST", "/api/v1/tenants/" + tenantId + "/api-keys", OPS,
                "{\"role\":\"platform\"}", 201)).get("key").asText();
        call(instance, "PUT", "/api/v1/policy", platform, "{\"version\":\"v1\",\"title\":\"Policy\"}", 200);
        call(instance, "PUT", "/api/v1/tenants/" + tenantId + "/backend", OPS, "{\"kind\":\"BIGBLUEBUTTON\",\"url\":\""
                + url + "\",\"secret\":\"" + BBB_SECRET + "\",\"checksum\":\"SHA256\"}", 200);
        return platform;
    }

    private static String room(Instance instance, String platform) throws Exception {
        return JSON.readTree(call(instance, "POST", "/api/v1/rooms", platform,
                "{\"name\":\"3b\",\"purpose\":\"LESSON\",\"maxParticipants\":5}", 201)).get("id").asText();
    }

    /**
     * A Jitsi token issued by one instance verifies with the public key Prosody fetches, by the
     * token's kid, from either: the Service may send that fetch to any pod.
     */
    private static void assertJitsiKeyFromEither(Instance a, Instance b) throws Exception {
        call(a, "POST", "/api/v1/tenants", OPS, "{\"id\":\"two-jitsi\",\"name\":\"IT\"}", 201);
        String platform = JSON.readTree(call(a, "POST", "/api/v1/tenants/two-jitsi/api-keys", OPS, "{\"role\":\"platform\"}", 201))
                .get("key").asText();
        call(b, "PUT", "/api/v1/tenants/two-jitsi/backend", OPS, "{\"kind\":\"JITSI\",\"url\":\"https://meet.example\","
                + "\"appId\":\"roomgate\",\"algorithm\":\"RS256\"}", 200);
        String room = JSON.readTree(call(a, "POST", "/api/v1/rooms", platform, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201))
                .get("id").asText();
        String token = JSON.readTree(call(a, "POST", "/api/v1/rooms/" + room + "/join", platform,
                "{\"subjectId\":\"t-1\",\"displayName\":\"T\",\"role\":\"TEACHER\"}", 200)).at("/backend/token").asText();
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        String file = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(jws.getKeyIdHeaderValue().getBytes(StandardCharsets.UTF_8))) + ".pem";
        String fromA = call(a, "GET", "/.well-known/asap/" + file, null, null, 200);
        String fromB = call(b, "GET", "/.well-known/asap/" + file, null, null, 200);
        assertEquals(fromA, fromB, "one Jitsi key on both instances");
        String der = fromB.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        jws.setKey(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der))));
        assertTrue(jws.verifySignature(), "the key from the other instance verifies the token");
        for (Instance instance : List.of(a, b)) {
            assertFalse(Files.readString(instance.log()).contains("not shared with other instances"), "the key is shared");
        }
    }

    private static Instance start(Path dataDir, EmbeddedDatabase database, SharedKeys keys) throws Exception {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("out.log");
        int port = freePort();
        ProcessBuilder builder = PackagedService.command(dataDir, log);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", database.username());
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        builder.environment().put("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS);
        builder.environment().put("ROOMGATE_TOKEN_SIGNING_KEY_LOCATION", keys.signing().toString());
        builder.environment().put("ROOMGATE_BACKEND_SECRET_KEY_LOCATION", keys.backend().toString());
        builder.environment().put("ROOMGATE_JITSI_ASAP_KEY_LOCATION", keys.asap().toString());
        builder.environment().put("ROOMGATE_WIPE_INTERVAL", "1s");
        return new Instance(builder.start(), port, log);
    }

    /** One key pair for both instances, in the PEM form the README describes (PKCS#8 and its public key). */
    private static void writeKeyPair(Path file, KeyPairGenerator generator) throws Exception {
        KeyPair pair = generator.generateKeyPair();
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n" + pem.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    private static Scrape scrape(Instance instance) throws Exception {
        return Scrape.parse(call(instance, "GET", "/q/metrics", null, null, 200));
    }

    private static void awaitReady(Instance instance) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(instance.process().isAlive(), "an instance exited:\n" + Files.readString(instance.log()));
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 90 s:\n" + Files.readString(instance.log()));
    }

    private static CompletableFuture<HttpResponse<String>> send(Instance instance, String method, String path, String bearer,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String call(Instance instance, String method, String path, String bearer, String body, int expected)
            throws Exception {
        HttpResponse<String> response = send(instance, method, path, bearer, body).join();
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
