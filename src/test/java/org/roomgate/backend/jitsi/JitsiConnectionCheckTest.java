package org.roomgate.backend.jitsi;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.newTenant;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.ConnectionChecks;
import org.roomgate.support.LogCapture;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The connection check of a Jitsi tenant: with RS256 the public key is fetched at
 * {@code <asap_key_server>/<sha256hex(kid)>.pem} as Prosody fetches it and compared with the
 * signing key; with HS256 there is nothing to fetch.
 */
@QuarkusTest
class JitsiConnectionCheckTest {

    // Random enough for roomgate to accept an HS256 secret (256 bits), and distinctive in a log.
    static final String APP_SECRET = "Qm7vX2pL9sT4wR8zK1nB6cY3hJ5dF0gA-uE_iO2kM7qW";

    @Inject
    AsapKey key;

    private final LogCapture log = new LogCapture();
    private String tenant;

    @BeforeEach
    void jitsiTenant() {
        log.start();
        tenant = newTenant();
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate"))
                .put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);
    }

    @AfterEach
    void stopCapture() {
        log.stop();
    }

    @Test
    void shouldFetchAndParseTheKeyAsProsodyDoes() {
        ConnectionChecks.check(tenant, Map.of("asapKeyServer", roomgate() + "/.well-known/asap/")).statusCode(200)
                .body("kind", equalTo("JITSI")).body("items.item", contains("asap-key"))
                .body("items.outcome", contains("ok"))
                .body("items[0].detail", containsString(roomgate() + "/.well-known/asap/" + key.publishedName()))
                .body("items[0].detail", containsString(key.kid()));
    }

    @Test
    void shouldTakeThePublicUrlWhenNoKeyServerIsGiven() {
        ConnectionChecks.failed(ConnectionChecks.check(tenant), "backend-unreachable")
                .body("detail", containsString("https://roomgate.test/.well-known/asap/" + key.publishedName()));
    }

    @Test
    void shouldAnswerKeyUnpublishedWhereNoKeyIsServed() {
        ConnectionChecks.failed(ConnectionChecks.check(tenant, Map.of("asapKeyServer", roomgate() + "/elsewhere")),
                "backend-key-unpublished").body("detail", containsString("HTTP 404"))
                .body("checks.outcome", contains("failed"));
    }

    @Test
    void shouldAnswerKeyUnpublishedWhereAnotherKeyIsServed() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, pem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pem);
            }
        });
        other.start();
        try {
            ConnectionChecks.failed(ConnectionChecks.check(tenant,
                    Map.of("asapKeyServer", "http://127.0.0.1:" + other.getAddress().getPort() + "/asap")),
                    "backend-key-unpublished").body("detail", containsString("another RSA key"));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void shouldSayThereIsNothingToFetchForHs256() throws IOException {
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "algorithm", "HS256",
                "appSecret", APP_SECRET)).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);

        String body = ConnectionChecks.check(tenant).statusCode(200).body("items.outcome", contains("not-applicable"))
                .body("items[0].detail", containsString("nothing to fetch")).extract().asString();

        ConnectionChecks.assertNoSecret(log, tenant, body, APP_SECRET);
    }

    @Test
    void shouldRefuseAKeyServerThatIsNoHttpUrl() {
        ConnectionChecks.check(tenant, Map.of("asapKeyServer", "file:///etc/passwd")).statusCode(400)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors[0].field", equalTo("asapKeyServer"));
    }

    private static String roomgate() {
        return "http://localhost:" + RestAssured.port;
    }
}
