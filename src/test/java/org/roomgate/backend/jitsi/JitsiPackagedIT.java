package org.roomgate.backend.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.PackagedService;

/**
 * The packaged service with its real configuration and clock: the RSA key generated into the data
 * directory and published for Prosody, the token lifetime from the environment, and Prosody's
 * per-connection check (its stand-in) refused after the participant left.
 */
class JitsiPackagedIT {

    private static final String OPS = "it-ops-key-0123456789abcdef";

    @Test
    void shouldSignWithTheKeptKeyPublishItAndRefuseAnEndedParticipation(@TempDir Path dataDir) throws Exception {
        int port = PackagedService.freePort();
        try (PackagedService.Running service = PackagedService.start(Map.of("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS,
                "ROOMGATE_JITSI_TOKEN_LIFETIME", "PT3M"), dataDir, port)) {
            service.call("POST", "/api/v1/tenants", OPS, "{\"id\":\"jitsi-school\",\"name\":\"Jitsi\"}", 201);
            String key = field(service.call("POST", "/api/v1/tenants/jitsi-school/api-keys", OPS, "{\"role\":\"platform\"}", 201),
                    "key");
            service.call("PUT", "/api/v1/tenants/jitsi-school/backend", OPS,
                    "{\"kind\":\"JITSI\",\"url\":\"https://meet.example\",\"appId\":\"roomgate\",\"algorithm\":\"RS256\"}", 200);
            String room = field(service.call("POST", "/api/v1/rooms", key, "{\"name\":\"3b\",\"purpose\":\"LESSON\"}", 201), "id");
            String joined = service.call("POST", "/api/v1/rooms/" + room + "/join", key,
                    "{\"subjectId\":\"t-1\",\"displayName\":\"Frau Lehrerin\",\"role\":\"TEACHER\"}", 200);
            String token = field(joined, "token", 1);

            Map<String, Object> claims = ProsodyTokenRules.verify(token, new ProsodyTokenRules.Host("roomgate", null,
                    service.base() + "/.well-known/asap", "jitsi", "jitsi-school", room), Instant.now());
            assertEquals(180L + 30L, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("nbf")).longValue(),
                    "PT3M from the environment, nbf 30 s back");
            Path keyFile = dataDir.resolve("keys").resolve(AsapKey.GENERATED_KEY_FILE);
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keyFile));

            ProsodyStandIn prosody = new ProsodyStandIn(service.base() + "/api/v1/backend-events/jitsi-school/jitsi-access");
            assertTrue(prosody.connect(token));
            service.call("POST", "/api/v1/rooms/" + room + "/leave", key,
                    "{\"participationId\":\"" + field(joined, "participationId") + "\"}", 204);
            assertFalse(prosody.connect(token));
            assertFalse(Files.readString(service.log()).contains("Frau Lehrerin"), "no names in the log (R4)");
        }
    }

    /** The n-th (from 0) string value of the field in the JSON text. */
    private static String field(String json, String name, int nth) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        for (int i = 0; i <= nth; i++) {
            assertTrue(matcher.find(), name + " in " + json);
        }
        return matcher.group(1);
    }

    private static String field(String json, String name) {
        return field(json, name, 0);
    }
}
