package org.roomgate.backend.livekit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.newTenant;

import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.ConnectionChecks;
import org.roomgate.support.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * The connection check against the Twirp stand-in, which checks tokens against its key pairs as
 * LiveKit's `keys` do: the key accepted, and the webhook key seen in the last delivery. Webhooks
 * are signed by LiveKit's own SDK. Secrets never appear in the answer nor in the log.
 */
@QuarkusTest
class LiveKitConnectionCheckTest {

    static final String API_KEY = "APIcheck";
    static final String API_SECRET = "the-stored-livekit-secret-of-forty-chars";
    static final String OTHER_KEY = "APIwebhooks";
    static final String OTHER_SECRET = "livekits-webhook-secret-of-forty-chars!!";

    static TwirpStandIn standIn;

    private final LogCapture log = new LogCapture();
    private String tenant;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = new TwirpStandIn();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @BeforeEach
    void tenantOnTheStandIn() {
        log.start();
        standIn.reset();
        standIn.keys(Map.of(API_KEY, API_SECRET, OTHER_KEY, OTHER_SECRET));
        tenant = newTenant();
        store(standIn.apiUrl(), API_SECRET);
    }

    @AfterEach
    void stopCapture() {
        log.stop();
    }

    @Test
    void shouldReportEachItemOkOnceAWebhookVerifiedWithTheTenantsKey() {
        deliver(API_KEY, API_SECRET).then().statusCode(204);

        String body = check().statusCode(200).body("kind", equalTo("LIVEKIT"))
                .body("items.item", contains("api-reachable", "key-accepted", "webhook-key"))
                .body("items.outcome", contains("ok", "ok", "ok"))
                .body("items[2].detail", containsString(API_KEY)).extract().asString();

        assertTrue(standIn.calls("ListRooms").get(0).authorization().startsWith("Bearer "), "ListRooms carried a token");
        assertNoSecret(body, API_SECRET);
    }

    @Test
    void shouldSayTheWebhookKeyIsUnknownBeforeAnyWebhookArrived() {
        check().statusCode(200).body("items.outcome", contains("ok", "ok", "unknown"))
                .body("items[2].detail", containsString("webhook.api_key"));
    }

    @Test
    void shouldAnswerSecretRejectedWhenLiveKitRefusesTheToken() {
        String wrong = "a-wrong-secret-that-livekit-does-not-know";
        store(standIn.apiUrl(), wrong);

        String body = problem("backend-secret-rejected").body("detail", containsString(API_KEY))
                .body("checks.outcome", contains("ok", "failed", "skipped")).extract().asString();

        assertNoSecret(body, wrong);
    }

    @Test
    void shouldAnswerUnreachableForAServerThatIsDown() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        store("http://127.0.0.1:" + closed, API_SECRET);

        String body = problem("backend-unreachable").body("checks.outcome", contains("failed", "skipped", "skipped"))
                .extract().asString();

        assertNoSecret(body, API_SECRET);
    }

    @Test
    void shouldAnswerWrongWebhookKeyWhenTheLastWebhookWasSignedWithAnotherKey() {
        deliver(API_KEY, API_SECRET).then().statusCode(204);
        deliver(OTHER_KEY, OTHER_SECRET).then().statusCode(401);

        String body = problem("backend-webhook-key")
                .body("detail", containsString(OTHER_KEY)).body("detail", containsString("webhook.api_key"))
                .body("checks.outcome", contains("ok", "ok", "failed")).extract().asString();

        assertNoSecret(body, API_SECRET);
        assertFalse(body.contains(OTHER_SECRET) || log.text().contains(OTHER_SECRET), "LiveKit's secret shown");
        deliver(API_KEY, API_SECRET).then().statusCode(204);
        check().statusCode(200).body("items[2].outcome", equalTo("ok"));
    }

    private void store(String apiUrl, String secret) {
        asOps().body(Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", apiUrl, "apiKey", API_KEY,
                "apiSecret", secret)).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);
    }

    private io.restassured.response.Response deliver(String key, String secret) {
        String body = LiveKitLifecycleTest.webhook("room_started", tenant + "--" + UUID.randomUUID(), "");
        String auth = LiveKitSdk.batch().signWebhook(body, key, secret, "5m").single().path("auth").asText();
        return RestAssured.given().header("Authorization", auth).contentType("application/webhook+json").body(body)
                .post("/api/v1/backend-events/{t}", tenant);
    }

    private ValidatableResponse check() {
        return ConnectionChecks.check(tenant);
    }

    private ValidatableResponse problem(String type) {
        return ConnectionChecks.failed(check(), type);
    }

    private void assertNoSecret(String answer, String secret) {
        ConnectionChecks.assertNoSecret(log, tenant, answer, secret);
    }
}
