package org.roomgate.backend.bbb;

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

/**
 * The packaged service with its real configuration and clock against the BigBlueButton stand-in:
 * the public URL from the environment, the generated secret key, the after-commit end of the meeting.
 */
class BbbPackagedIT {

    private static final String OPS = "it-ops-key-0123456789abcdef";

    @Test
    void shouldHandOverToBigBlueButtonAndEndTheMeetingOnClose(@TempDir Path dataDir) throws Exception {
        int port = PackagedService.freePort();
        try (BbbStandIn standIn = BbbStandIn.start(BbbFixture.SECRET);
                PackagedService.Running service = PackagedService.start(Map.of("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS,
                        "ROOMGATE_BACKEND_PUBLIC_URL", "http://localhost:" + port + "/"), dataDir, port)) {
            service.call("POST", "/api/v1/tenants", OPS, "{\"id\":\"bbb-school\",\"name\":\"BBB\"}", 201);
            String key = field(service.call("POST", "/api/v1/tenants/bbb-school/api-keys", OPS, "{\"role\":\"platform\"}", 201), "key");
            service.call("PUT", "/api/v1/tenants/bbb-school/backend", OPS, "{\"kind\":\"BIGBLUEBUTTON\",\"url\":\""
                    + standIn.url() + "\",\"secret\":\"" + BbbFixture.SECRET + "\",\"checksum\":\"SHA384\"}", 200);
            String room = field(service.call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201), "id");
            String joinUrl = field(service.call("POST", "/api/v1/rooms/" + room + "/join", key,
                    "{\"subjectId\":\"t-1\",\"displayName\":\"Frau Lehrerin\",\"role\":\"TEACHER\"}", 200), "joinUrl");
            assertTrue(joinUrl.startsWith(service.base() + "/api/v1/rooms/" + room + "/enter?token="), joinUrl);

            HttpResponse<Void> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(joinUrl)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(302, redirect.statusCode());
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertTrue(BbbFixture.follow(location).success(), "the stand-in accepts the SHA-384 join URL");

            service.call("POST", "/api/v1/rooms/" + room + "/close", key, null, 200);
            long deadline = System.nanoTime() + 30_000_000_000L;
            String receipt = "";
            while (System.nanoTime() < deadline && !receipt.contains("\"backendEndedAt\":\"")) {
                Thread.sleep(200);
                receipt = service.call("GET", "/api/v1/rooms/" + room + "/wipe-receipt", key, null, 200);
            }
            assertTrue(receipt.contains("\"backendEndedAt\":\""), receipt);
            assertFalse(standIn.meeting("bbb-school--" + room).running);
            assertTrue(Files.exists(dataDir.resolve("keys/backend-secret.key")), "the secret key is kept in the data directory");
            assertFalse(Files.readString(service.log()).contains(BbbFixture.SECRET), "the shared secret is never logged");
            assertFalse(Files.readString(service.log()).contains("Frau Lehrerin"), "no names in the log (R4)");
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
