package org.roomgate.backend.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.PackagedService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged service with its real configuration and clock against the Twirp stand-in: the token
 * lifetime from the environment, a webhook signed by LiveKit's SDK at the real time, the
 * after-commit DeleteRoom confirmed into the wipe receipt.
 */
class LiveKitPackagedIT {

    private static final String OPS = "it-ops-key-0123456789abcdef";
    private static final String SECRET = LiveKitLifecycleTest.API_SECRET;
    private static final String KEY = LiveKitLifecycleTest.API_KEY;

    @Test
    void shouldHandOverToLiveKitFollowItsWebhooksAndDeleteTheRoomOnClose(@TempDir Path dataDir) throws Exception {
        int port = PackagedService.freePort();
        try (TwirpStandIn standIn = new TwirpStandIn();
                PackagedService.Running service = PackagedService.start(Map.of("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS,
                        "ROOMGATE_LIVEKIT_TOKEN_LIFETIME", "PT2M"), dataDir, port)) {
            service.call("POST", "/api/v1/tenants", OPS, "{\"id\":\"lk-school\",\"name\":\"LiveKit\"}", 201);
            String key = field(service.call("POST", "/api/v1/tenants/lk-school/api-keys", OPS, "{\"role\":\"platform\"}", 201), "key");
            service.call("PUT", "/api/v1/tenants/lk-school/backend", OPS, "{\"kind\":\"LIVEKIT\",\"url\":\"wss://lk.example\","
                    + "\"apiUrl\":\"" + standIn.apiUrl() + "\",\"apiKey\":\"" + KEY + "\",\"apiSecret\":\"" + SECRET + "\"}", 200);
            String room = field(service.call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201), "id");
            String joined = service.call("POST", "/api/v1/rooms/" + room + "/join", key,
                    "{\"subjectId\":\"t-1\",\"displayName\":\"Frau Lehrerin\",\"role\":\"TEACHER\"}", 200);
            String teacher = field(joined, "participationId");
            String meeting = "lk-school--" + room;
            assertTrue(standIn.hasRoom(meeting));

            JsonNode claims = LiveKitSdk.batch().verifyToken(field(joined, "token", 1), KEY, SECRET).single().path("claims");
            assertEquals(125, claims.path("exp").asLong() - claims.path("nbf").asLong(), "PT2M from the environment, nbf 5 s back");
            assertEquals(teacher, claims.path("sub").asText());

            String body = LiveKitLifecycleTest.webhook("participant_left", meeting, teacher);
            String auth = LiveKitSdk.batch().signWebhook(body, KEY, SECRET, "5m").single().path("auth").asText();
            HttpResponse<String> delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.base() + "/api/v1/backend-events/lk-school")).header("Authorization", auth)
                    .header("Content-Type", "application/webhook+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, delivered.statusCode(), delivered.body());
            assertTrue(service.call("GET", "/api/v1/rooms/" + room + "/attendance", key, null, 200).contains("\"leaveReason\":\"LEFT\""));

            service.call("POST", "/api/v1/rooms/" + room + "/close", key, null, 200);
            long deadline = System.nanoTime() + 30_000_000_000L;
            String receipt = "";
            while (System.nanoTime() < deadline && !receipt.contains("\"backendEndedAt\":\"")) {
                Thread.sleep(200);
                receipt = service.call("GET", "/api/v1/rooms/" + room + "/wipe-receipt", key, null, 200);
            }
            assertTrue(receipt.contains("\"backendEndedAt\":\""), receipt);
            assertFalse(standIn.hasRoom(meeting));
            String log = Files.readString(service.log());
            assertFalse(log.contains(SECRET), "the API secret is never logged");
            assertFalse(log.contains("Frau Lehrerin"), "no names in the log (R4)");
        }
    }

    private static String field(String json, String name) {
        return field(json, name, 0);
    }

    /** The n-th (from 0) string value of the field in the JSON text. */
    private static String field(String json, String name, int nth) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        for (int i = 0; i <= nth; i++) {
            assertTrue(matcher.find(), name + " in " + json);
        }
        return matcher.group(1);
    }
}
