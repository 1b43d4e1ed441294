package org.roomgate.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.newPlatformWithPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.roomgate.content.ContentFixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 11, points 6–11: hostile input gets a 4xx problem document naming what is wrong, and
 * nothing is stored. (Before the fix: NUL → 500, duplicate key → empty 500, broken multipart →
 * 500, chunked JSON read to 64 MiB, malformed ids → 404, raw paths as metric labels.)
 */
@QuarkusTest
class HostileInputTest {

    private static final String NUL = "\u0000";

    @Inject
    DataSource database;

    @Test
    void shouldRefuseNulCharactersInBodiesAndStoreNothing() throws SQLException {
        var school = newPlatformWithPolicy();
        as(school.key()).body(Map.of("name", "Klasse" + NUL + "3b", "purpose", "LESSON")).post("/api/v1/rooms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", contains("name"));
        as(school.key()).body(Map.of("version", "v2" + NUL, "title", "Policy")).put("/api/v1/policy")
                .then().statusCode(400).body("errors.field", contains("version"));
        asOps().body(Map.of("role", "platform", "label", "IServ" + NUL)).post("/api/v1/tenants/{t}/api-keys", school.tenantId())
                .then().statusCode(400).body("errors.field", contains("label"));
        assertEquals(0, count("select count(*) from conference.room where tenant_id = ?", school.tenantId()));
        assertEquals(1, count("select count(*) from policy_version where tenant_id = ?", school.tenantId()));
        assertEquals(1, count("select count(*) from api_key where tenant_id = ?", school.tenantId()));
    }

    @Test
    void shouldRefuseNulCharactersInPathAndQuery() {
        var school = newPlatformWithPolicy();
        asOps().urlEncodingEnabled(false).get("/api/v1/rooms?tenant=" + school.tenantId() + "%00").then().statusCode(400)
                .body("errors.field", contains("tenant"));
        as(school.key()).urlEncodingEnabled(false).get("/api/v1/subjects/p-1%00/consent").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("path"));
    }

    @Test
    void shouldRefuseDuplicateKeysNamingTheKey() throws SQLException {
        var school = newPlatformWithPolicy();
        as(school.key()).body("{\"name\":\"3b\",\"purpose\":\"LESSON\",\"name\":\"4a\"}").post("/api/v1/rooms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("name"));
        as(school.key()).body("{\"purpose\":\"LESSON\",\"recording\":true,\"recording\":false,\"name\":\"x\"}").post("/api/v1/rooms")
                .then().statusCode(400).body("errors.field", contains("recording"));
        assertEquals(0, count("select count(*) from conference.room where tenant_id = ?", school.tenantId()));
    }

    @Test
    void shouldAnswerMalformedIdsWith400NamingTheParameter() {
        var school = newPlatformWithPolicy();
        as(school.key()).get("/api/v1/rooms/not-a-uuid").then().statusCode(400)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", contains("roomId"));
        as(school.key()).get("/api/v1/rooms/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void shouldRefuseBrokenMultipartBodies() throws Exception {
        var f = ContentFixture.create();
        String boundary = "----roomgate-boundary";
        String truncated = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello, this part never ends";
        String status = rawRequest("POST /api/v1/rooms/" + f.roomId() + "/files HTTP/1.1", f.teacherToken(),
                "multipart/form-data; boundary=" + boundary, truncated.getBytes(StandardCharsets.US_ASCII), false);
        assertTrue(status.startsWith("HTTP/1.1 400"), status);
        assertTrue(status.contains("application/problem+json"), status);
        String wrongBoundary = "--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nx\r\n--other--\r\n";
        status = rawRequest("POST /api/v1/rooms/" + f.roomId() + "/files HTTP/1.1", f.teacherToken(),
                "multipart/form-data; boundary=" + boundary, wrongBoundary.getBytes(StandardCharsets.US_ASCII), false);
        assertTrue(status.startsWith("HTTP/1.1 400"), status);
        as(f.teacherToken()).get("/api/v1/rooms/{r}/files", f.roomId()).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldLimitChunkedJsonOnTheBytesRead() throws Exception {
        var school = newPlatformWithPolicy();
        byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"purpose\":\"LESSON\"}").getBytes(StandardCharsets.US_ASCII);
        String response = rawRequest("POST /api/v1/rooms HTTP/1.1", school.key(), "application/json", body, true);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("urn:roomgate:problem:payload-too-large"), response);
    }

    @Test
    void shouldRecordRejectedRequestsUnderOneBucket() throws Exception {
        String marker = "zz" + System.nanoTime();
        // Refused by the HTTP layer (over quarkus.http.limits.max-body-size) before any route matched.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/v1/nowhere-" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertEquals(12, socket.getInputStream().readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 413", new String(head, StandardCharsets.US_ASCII));
        }
        given().get("/api/v1/nowhere-" + marker).then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(!metrics.contains(marker), "a caller's path became a label");
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Sends a request exactly as given (optionally chunked) while reading the answer, and returns
     * the answer's head and body. The server may answer before the whole body is sent.
     */
    static String rawRequest(String requestLine, String bearer, String contentType, byte[] body, boolean chunked)
            throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n")
                    .append("Authorization: Bearer ").append(bearer).append("\r\nContent-Type: ").append(contentType).append("\r\n")
                    .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> send(socket, head.toString(), body, chunked));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // A server that stops reading a body may reset the connection after its answer.
            }
            sent.exceptionally(e -> null).get(20, TimeUnit.SECONDS);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void send(Socket socket, String head, byte[] body, boolean chunked) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (!chunked) {
                out.write(body);
                out.flush();
                return;
            }
            for (int offset = 0; offset < body.length; offset += 65_536) {
                int n = Math.min(65_536, body.length - offset);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedEarly) {
            // The server answered and closed before the whole body was sent.
        }
    }
}
