package org.roomgate.backend.livekit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * LiveKit's own node server SDK ({@code livekit-server-sdk}, installed by the Maven build from
 * src/test/node into target/livekit-sdk), as an independent judge of what roomgate produces.
 * Requests are batched: one node process per batch.
 */
final class LiveKitSdk {

    private static final Path SCRIPT = Path.of("target", "livekit-sdk", "livekit-check.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, Object>> requests = new ArrayList<>();

    static LiveKitSdk batch() {
        return new LiveKitSdk();
    }

    LiveKitSdk verifyToken(String token, String apiKey, String apiSecret) {
        return add(Map.of("op", "verifyToken", "token", token, "apiKey", apiKey, "apiSecret", apiSecret));
    }

    LiveKitSdk receiveWebhook(String body, String auth, String apiKey, String apiSecret) {
        return add(Map.of("op", "receiveWebhook", "body", body, "auth", auth, "apiKey", apiKey, "apiSecret", apiSecret));
    }

    LiveKitSdk signWebhook(String body, String apiKey, String apiSecret, String ttl) {
        return add(Map.of("op", "signWebhook", "body", body, "apiKey", apiKey, "apiSecret", apiSecret, "ttl", ttl));
    }

    LiveKitSdk signRaw(Map<String, Object> payload, String alg, String secret) {
        return add(Map.of("op", "signRaw", "payload", payload, "alg", alg, "secret", secret));
    }

    LiveKitSdk parseTwirp(String method, String json) {
        return add(Map.of("op", "parseTwirp", "method", method, "json", json));
    }

    /** One answer per request, in order: {@code ok} and the op's fields, or {@code ok=false} and {@code error}. */
    List<JsonNode> run() {
        if (!Files.exists(SCRIPT.resolveSibling("node_modules"))) {
            throw new IllegalStateException("LiveKit's SDK is not installed: run ./mvnw process-test-resources");
        }
        try {
            Process node = new ProcessBuilder("node", SCRIPT.getFileName().toString())
                    .directory(SCRIPT.getParent().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(requests));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("node failed: " + out);
            }
            List<JsonNode> answers = new ArrayList<>();
            JSON.readTree(out).forEach(answers::add);
            return answers;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode single() {
        return run().get(0);
    }

    private LiveKitSdk add(Map<String, Object> request) {
        requests.add(request);
        return this;
    }
}
