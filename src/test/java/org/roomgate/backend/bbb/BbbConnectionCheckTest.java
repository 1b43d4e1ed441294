package org.roomgate.backend.bbb;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.newTenant;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.ConnectionChecks;
import org.roomgate.support.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The connection check against the BigBlueButton stand-in: each item ok, and each failure its
 * own problem type, with the items reached; the secret never in the answer nor in the log.
 */
@QuarkusTest
class BbbConnectionCheckTest {

    static final String DEFAULT_CHECKSUM = "SHA256";
    static final String WRONG_SECRET = "d1ff3r3nt-s3cr3t-of-the-same-length-0000";

    private final LogCapture log = new LogCapture();
    private BbbStandIn standIn;
    private String tenant;

    @BeforeEach
    void tenantOnTheStandIn() throws Exception {
        log.start();
        standIn = BbbStandIn.start(BbbFixture.SECRET);
        tenant = newTenant();
        BbbFixture.useStandIn(tenant, standIn, DEFAULT_CHECKSUM);
    }

    @AfterEach
    void stop() {
        log.stop();
        standIn.close();
    }

    @Test
    void shouldReportEachItemOkAndTheDeliverySigningAsUnknown() {
        String body = check().statusCode(200).contentType("application/json")
                .body("kind", equalTo("BIGBLUEBUTTON"))
                .body("items.item", contains("api-reachable", "checksum-accepted", "hooks-module", "hooks-delivery-checksum"))
                .body("items.outcome", contains("ok", "ok", "ok", "unknown"))
                .body("items[0].detail", containsString("BigBlueButton 3.0.4"))
                .body("items[2].detail", containsString("SHA256"))
                .body("items[3].detail", containsString("3.4.0"))
                .extract().asString();

        assertTrue(standIn.checksumErrors.isEmpty(), "every call carried a checksum the stand-in accepted");
        assertNoSecret(body, BbbFixture.SECRET);
    }

    @Test
    void shouldAnswerSecretRejectedForAWrongSecret() {
        asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", standIn.url(), "secret", WRONG_SECRET, "checksum", "SHA512"))
                .put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);

        String body = problem("backend-secret-rejected")
                .body("detail", containsString("SHA512"))
                .body("checks.item", contains("api-reachable", "checksum-accepted", "hooks-module", "hooks-delivery-checksum"))
                .body("checks.outcome", contains("ok", "failed", "skipped", "skipped"))
                .extract().asString();

        assertTrue(standIn.checksumErrors.contains("isMeetingRunning"));
        assertNoSecret(body, WRONG_SECRET);
    }

    @Test
    void shouldAnswerUnreachableForAServerThatIsDown() {
        standIn.stop();

        String body = problem("backend-unreachable")
                .body("checks.outcome", contains("failed", "skipped", "skipped", "skipped")).extract().asString();

        assertNoSecret(body, BbbFixture.SECRET);
    }

    @Test
    void shouldCutOffAServerThatTricklesItsAnswerWithinTheCallTimeout() throws Exception {
        try (ServerSocket trickler = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serve = new Thread(() -> trickle(trickler));
            serve.start();
            asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", "http://127.0.0.1:" + trickler.getLocalPort()
                    + "/bigbluebutton/", "secret", BbbFixture.SECRET)).put("/api/v1/tenants/{t}/backend", tenant)
                    .then().statusCode(200);
            long started = System.nanoTime();

            problem("backend-unreachable").body("detail", containsString("no complete answer in time"));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "one call bounded by call-timeout (PT2S), took " + took);
            serve.interrupt();
        }
    }

    /** Answers headers at once, then one byte of a long body every 200 ms: never done, never silent. */
    private static void trickle(ServerSocket server) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<response>"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // The check hung up, as it should.
        }
    }

    @Test
    void shouldAnswerHooksMissingWithoutBbbWebhooks() {
        standIn.webhooks(BbbStandIn.Webhooks.NONE);

        String body = problem("backend-hooks-missing")
                .body("detail", containsString("apt-get install bbb-webhooks"))
                .body("checks.outcome", contains("ok", "ok", "failed", "skipped")).extract().asString();

        assertNoSecret(body, BbbFixture.SECRET);
    }

    @Test
    void shouldAnswerHooksOutdatedForABbbWebhooksThatTakesSha1Only() {
        standIn.webhooks(BbbStandIn.Webhooks.V2);

        String body = problem("backend-hooks-outdated")
                .body("detail", containsString("3.4.0"))
                .body("checks.outcome", contains("ok", "ok", "failed", "skipped")).extract().asString();

        assertNoSecret(body, BbbFixture.SECRET);
    }

    @Test
    void shouldFindAnOutdatedBbbWebhooksAlsoForATenantOnSha1() {
        BbbFixture.useStandIn(tenant, standIn, "SHA1");
        standIn.webhooks(BbbStandIn.Webhooks.V2);

        problem("backend-hooks-outdated").body("checks[1].detail", containsString("SHA1"));
    }

    @Test
    void shouldAnswerAnswerInvalidForAUrlThatIsNoBigBlueButtonApi() {
        asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", standIn.url().replace("/bigbluebutton/", "/elsewhere/"),
                "secret", BbbFixture.SECRET)).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);

        problem("backend-answer-invalid").body("detail", containsString("/elsewhere/api"));
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
