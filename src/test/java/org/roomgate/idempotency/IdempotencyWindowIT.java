package org.roomgate.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.PackagedService;
import org.roomgate.support.RunningService;

/**
 * The window on the packaged service, in real time and from real configuration: a window above a
 * day stops the start naming R8; a short one replays within it and runs the request again after it.
 */
class IdempotencyWindowIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WINDOW = Duration.ofSeconds(3);

    @Test
    void shouldRefuseToStartWithAWindowAboveADay(@TempDir Path dataDir) throws Exception {
        var start = PackagedService.startExpectingRefusal(Map.of("ROOMGATE_IDEMPOTENCY_WINDOW", "P2D"), dataDir);
        assertTrue(start.exited(), "the service kept running:\n" + start.output());
        assertNotEquals(0, start.exitCode());
        assertTrue(start.output().contains("roomgate.idempotency.window") && start.output().contains("R8"),
                "the refusal names the setting and R8:\n" + start.output());
    }

    @Test
    void shouldReplayWithinTheConfiguredWindowAndRunAgainAfterIt(@TempDir Path dataDir) throws Exception {
        try (RunningService service = RunningService.start(dataDir, Map.of("ROOMGATE_IDEMPOTENCY_WINDOW", WINDOW.toString()))) {
            String platform = service.newPlatformKey("window-school");
            service.call("PUT", "/api/v1/policy", platform, "{\"version\":\"v1\",\"title\":\"Policy\"}", 200);
            String key = UUID.randomUUID().toString();
            long started = System.nanoTime();
            HttpResponse<String> first = createRoom(service, platform, key);
            HttpResponse<String> retry = createRoom(service, platform, key);
            assertEquals(201, first.statusCode(), first.body());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(WINDOW) < 0, "the retry came too late to test");
            assertEquals("true", retry.headers().firstValue(IdempotencyInterceptor.REPLAYED_HEADER).orElse(null));
            assertEquals(first.body(), retry.body());

            // Real time is what this test is about: the window passes on the service's own clock.
            Thread.sleep(WINDOW.plusMillis(500).toMillis());
            HttpResponse<String> after = createRoom(service, platform, key);
            assertEquals(201, after.statusCode());
            assertTrue(after.headers().firstValue(IdempotencyInterceptor.REPLAYED_HEADER).isEmpty());
            assertNotEquals(RunningService.field(first.body(), "id"), RunningService.field(after.body(), "id"));
        }
    }

    private static HttpResponse<String> createRoom(RunningService service, String platform, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/rooms"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + platform)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"3b\",\"purpose\":\"LESSON\",\"maxParticipants\":5}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
