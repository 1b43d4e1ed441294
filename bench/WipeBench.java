import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills one room through the HTTP API with 10,000 chat messages, 100 files of 1 MiB and 10,000
 * whiteboard strokes, closes it, and reports how long until the wipe receipt shows wipedAt.
 * Run by bench/wipe.sh: java bench/WipeBench.java BASE_URL OPS_KEY
 */
public class WipeBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int PARALLEL = 16;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String ops = args[1];
        String tenant = "wipe-" + System.nanoTime();
        call("POST", base + "/api/v1/tenants", ops, "{\"id\":\"" + tenant + "\",\"name\":\"Bench\"}");
        String key = field(call("POST", base + "/api/v1/tenants/" + tenant + "/api-keys", ops, "{\"role\":\"platform\"}"), "key");
        call("PUT", base + "/api/v1/policy", key, "{\"version\":\"v1\",\"title\":\"Policy\"}");
        String room = field(call("POST", base + "/api/v1/rooms", key, "{\"name\":\"Bench\",\"purpose\":\"LESSON\"}"), "id");
        String token = field(call("POST", base + "/api/v1/rooms/" + room + "/join", key,
                "{\"subjectId\":\"t-1\",\"displayName\":\"Teacher\",\"role\":\"TEACHER\"}"), "token");
        String roomUrl = base + "/api/v1/rooms/" + room;

        long start = System.nanoTime();
        many(10_000, i -> json(roomUrl + "/chat", token, "{\"text\":\"Nachricht " + i + " " + "x".repeat(100) + "\"}"));
        System.out.printf("10,000 chat messages posted in %d ms%n", millisSince(start));
        start = System.nanoTime();
        byte[] mebibyte = new byte[1024 * 1024];
        new Random(1).nextBytes(mebibyte);
        many(100, i -> multipart(roomUrl + "/files", token, "file-" + i + ".bin", mebibyte));
        System.out.printf("100 files of 1 MiB uploaded in %d ms%n", millisSince(start));
        start = System.nanoTime();
        many(10_000, i -> json(roomUrl + "/whiteboard/strokes", token,
                "{\"data\":{\"tool\":\"pen\",\"points\":[[" + i + ",1],[2,3],[4,5],[6,7]]}}"));
        System.out.printf("10,000 strokes drawn in %d ms%n", millisSince(start));

        long closing = System.nanoTime();
        call("POST", roomUrl + "/close", key, "");
        long closedAfter = millisSince(closing);
        String receipt;
        while (!(receipt = call("GET", roomUrl + "/wipe-receipt", key, null)).contains("\"wipedAt\":\"")) {
            Thread.sleep(20);
        }
        long wipedAfter = millisSince(closing);
        Instant closedAt = Instant.parse(field(receipt, "closedAt"));
        Instant wipedAt = Instant.parse(field(receipt, "wipedAt"));
        System.out.printf("close answered in %d ms; content unreadable from then on%n", closedAfter);
        System.out.printf("receipt shows wipedAt %d ms after the close request (wipe itself: %d ms after closedAt)%n",
                wipedAfter, Duration.between(closedAt, wipedAt).toMillis());
        System.out.println("receipt: " + receipt);
    }

    private static void many(int count, IntFunction<HttpRequest> request) throws Exception {
        Semaphore slots = new Semaphore(PARALLEL);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            pending.add(HTTP.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                slots.release();
                if (error != null || response.statusCode() != 201) {
                    throw new IllegalStateException("request failed: " + (error != null ? error : response.body()));
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private static HttpRequest json(String url, String bearer, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest multipart(String url, String bearer, String name, byte[] bytes) {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String call(String method, String url, String bearer, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !(method.equals("GET") && response.statusCode() == 200)) {
            throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " missing in " + json);
        }
        return m.group(1);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
