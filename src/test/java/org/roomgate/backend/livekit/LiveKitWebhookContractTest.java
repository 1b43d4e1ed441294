package org.roomgate.backend.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * roomgate's webhook check agrees with LiveKit's WebhookReceiver (npm livekit-server-sdk) on
 * webhooks signed the way the LiveKit server signs them, and is stricter where the Go server is.
 */
class LiveKitWebhookContractTest {

    static final LiveKitSettings SETTINGS = LiveKitTokenContractTest.DEFAULT_SETTINGS;
    static final String DEFAULT_BODY = """
            {"event":"participant_left","room":{"sid":"RM_x","name":"kastellschule--8c1f"},\
            "participant":{"sid":"PA_y","identity":"5b0e6a2c-2f7e-4c8e-9b1a-3d6f0e1c2a4b","name":"Max M."},\
            "id":"EV_1","createdAt":"1767225600"}""";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAcceptAWebhookSignedLikeLiveKitAndAgreeWithItsReceiver() {
        String auth = LiveKitSdk.batch().signWebhook(DEFAULT_BODY, SETTINGS.apiKey(), SETTINGS.apiSecret(), "5m")
                .single().path("auth").asText();

        JsonNode sdk = LiveKitSdk.batch().receiveWebhook(DEFAULT_BODY, auth, SETTINGS.apiKey(), SETTINGS.apiSecret()).single();
        LiveKitWebhook ours = verify(auth, DEFAULT_BODY);

        assertTrue(sdk.path("ok").asBoolean(), sdk.toString());
        assertEquals(new LiveKitWebhook("EV_1", sdk.path("event").asText(), sdk.path("room").asText(),
                sdk.path("identity").asText(), Instant.ofEpochSecond(1767225600L)), ours);
        assertEquals("participant_left", ours.event());
        assertEquals("5b0e6a2c-2f7e-4c8e-9b1a-3d6f0e1c2a4b", ours.identity());
    }

    @Test
    void shouldRejectWhatLiveKitsReceiverRejects() {
        String tampered = DEFAULT_BODY.replace("participant_left", "participant_joined");
        List<JsonNode> signed = LiveKitSdk.batch()
                .signWebhook(DEFAULT_BODY, SETTINGS.apiKey(), SETTINGS.apiSecret(), "5m")
                .signWebhook(DEFAULT_BODY, SETTINGS.apiKey(), "another-secret-another-secret-another-secret", "5m")
                .signWebhook(DEFAULT_BODY, "APIanother", SETTINGS.apiSecret(), "5m")
                .signRaw(Map.of("iss", SETTINGS.apiKey(), "sha256", sha256(DEFAULT_BODY)), "HS256", SETTINGS.apiSecret())
                .signRaw(Map.of("iss", SETTINGS.apiKey(), "sha256", sha256(DEFAULT_BODY), "exp", 1_000_000_000L), "HS256",
                        SETTINGS.apiSecret())
                .run();
        String good = signed.get(0).path("auth").asText();
        List<String[]> cases = List.of(
                new String[] { tampered, good },
                new String[] { DEFAULT_BODY, signed.get(1).path("auth").asText() },
                new String[] { DEFAULT_BODY, signed.get(2).path("auth").asText() },
                new String[] { DEFAULT_BODY, signed.get(3).path("token").asText() },
                new String[] { DEFAULT_BODY, signed.get(4).path("token").asText() },
                new String[] { DEFAULT_BODY, "Bearer " + good });

        LiveKitSdk sdk = LiveKitSdk.batch();
        cases.forEach(c -> sdk.receiveWebhook(c[0], c[1], SETTINGS.apiKey(), SETTINGS.apiSecret()));
        List<JsonNode> answers = sdk.run();

        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            assertFalse(answers.get(i).path("ok").asBoolean(), "LiveKit's receiver accepted case " + i);
            assertThrows(LiveKitWebhookVerifier.Rejected.class, () -> verify(c[1], c[0]), "roomgate accepted case " + i);
        }
    }

    @Test
    void shouldRefuseAnHs512WebhookThatTheSdkWouldTakeButTheServerNeverSends() {
        String hs512 = LiveKitSdk.batch().signRaw(Map.of("iss", SETTINGS.apiKey(), "sha256", sha256(DEFAULT_BODY),
                "exp", Instant.now().plusSeconds(300).getEpochSecond()), "HS512", SETTINGS.apiSecret()).single()
                .path("token").asText();

        JsonNode sdk = LiveKitSdk.batch().receiveWebhook(DEFAULT_BODY, hs512, SETTINGS.apiKey(), SETTINGS.apiSecret()).single();

        assertTrue(sdk.path("ok").asBoolean(), "the SDK takes any HS* alg: " + sdk);
        assertThrows(LiveKitWebhookVerifier.Rejected.class, () -> verify(hs512, DEFAULT_BODY));
    }

    @Test
    void shouldRefuseAMissingHeader() {
        assertThrows(LiveKitWebhookVerifier.Rejected.class, () -> verify(null, DEFAULT_BODY));
        assertThrows(LiveKitWebhookVerifier.Rejected.class, () -> verify(" ", DEFAULT_BODY));
    }

    private LiveKitWebhook verify(String auth, String body) {
        return LiveKitWebhookVerifier.verify(SETTINGS, auth, body.getBytes(StandardCharsets.UTF_8), Instant.now(), json);
    }

    static String sha256(String body) {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
