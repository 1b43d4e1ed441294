package org.roomgate.backend;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;
import static org.roomgate.support.Api.newTenant;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.roomgate.problem.ProblemType;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The ops API for a tenant's backend: every kind's fields checked, secrets write-only and sealed. */
@QuarkusTest
class BackendConfigResourceTest {

    static final String BBB_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    static final Map<String, Object> DEFAULT_BBB = Map.of("kind", "BIGBLUEBUTTON",
            "url", "https://bbb.example/bigbluebutton/", "secret", BBB_SECRET, "checksum", "SHA512");

    /** 32 random bytes as hex, as {@code openssl rand -hex 32} makes it. */
    static final String JITSI_SECRET = "3f9a7c1e5b2d8f4a6c0e9b7d5f3a1c8e2b4d6f8a0c3e5b7d9f1a2c4e6b8d0f3a";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldStoreEachKindAndNeverReturnItsSecret() throws Exception {
        String tenant = newTenant();
        asOps().get("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200)
                .body("kind", equalTo("NATIVE")).body("url", nullValue());

        asOps().body(DEFAULT_BBB).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200)
                .body("kind", equalTo("BIGBLUEBUTTON")).body("url", equalTo("https://bbb.example/bigbluebutton/"))
                .body("checksum", equalTo("SHA512")).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        String read = asOps().get("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200).extract().asString();
        assertFalse(read.contains(BBB_SECRET), "GET never shows the secret");
        byte[] sealed = sealedSecret(tenant);
        assertNotNull(sealed);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(BBB_SECRET), "stored only encrypted");

        asOps().body(Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", "https://lk.example",
                "apiKey", "APIkey1", "apiSecret", "livekit-secret-0123456789")).put("/api/v1/tenants/{t}/backend", tenant)
                .then().statusCode(200).body("kind", equalTo("LIVEKIT")).body("apiKey", equalTo("APIkey1"))
                .body("$", not(org.hamcrest.Matchers.hasKey("apiSecret")));
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "algorithm", "HS256",
                "appSecret", JITSI_SECRET)).put("/api/v1/tenants/{t}/backend", tenant)
                .then().statusCode(200).body("kind", equalTo("JITSI")).body("audience", equalTo("jitsi"))
                .body("algorithm", equalTo("HS256")).body("$", not(org.hamcrest.Matchers.hasKey("appSecret")));
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate"))
                .put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200).body("algorithm", equalTo("RS256"));
        assertEquals(null, sealedSecret(tenant), "RS256 keeps no secret");
        asOps().body(Map.of("kind", "NATIVE")).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200)
                .body("kind", equalTo("NATIVE"));
    }

    @Test
    void shouldDefaultTheChecksumToSha256() {
        String tenant = newTenant();
        asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", "https://bbb.example/bigbluebutton", "secret", BBB_SECRET))
                .put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200)
                .body("checksum", equalTo("SHA256")).body("url", equalTo("https://bbb.example/bigbluebutton/"));
    }

    @Test
    void shouldRefuseBadConfigurationsAndKeepTheOldOne() throws Exception {
        String tenant = newTenant();
        asOps().body(DEFAULT_BBB).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);
        byte[] before = sealedSecret(tenant);
        Object[][] bad = {
            { Map.of("kind", "ZOOM"), "kind" },
            { Map.of("kind", "BIGBLUEBUTTON", "url", "ftp://bbb.example/", "secret", "s"), "url" },
            { Map.of("kind", "BIGBLUEBUTTON", "url", "not a url", "secret", "s"), "url" },
            { Map.of("kind", "BIGBLUEBUTTON", "url", "https://bbb.example/bigbluebutton/"), "secret" },
            { Map.of("kind", "BIGBLUEBUTTON", "url", "https://bbb.example/", "secret", "s", "checksum", "MD5"), "checksum" },
            { Map.of("kind", "LIVEKIT", "url", "https://lk.example", "apiUrl", "https://lk.example", "apiKey", "k",
                    "apiSecret", "s"), "url" },
            { Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", "https://lk.example", "apiKey", "k"), "apiSecret" },
            { Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "r", "algorithm", "HS256"), "appSecret" },
            { Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "r", "appSecret", "s"), "appSecret" },
            { Map.of("kind", "NATIVE", "secret", "s"), "secret" },
        };
        for (Object[] c : bad) {
            asOps().body(c[0]).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                    .body("errors.field", hasItem(c[1]));
        }
        asOps().get("/api/v1/tenants/{t}/backend", tenant).then().body("kind", equalTo("BIGBLUEBUTTON"))
                .body("checksum", equalTo("SHA512"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, sealedSecret(tenant), "nothing changed");
    }

    @Test
    void shouldRefuseAGuessableJitsiHs256SecretAndStoreNothing() throws Exception {
        String tenant = newTenant();
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "algorithm", "HS256",
                "appSecret", JITSI_SECRET)).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(200);
        byte[] before = sealedSecret(tenant);
        for (String weak : new String[] { "a", "secret", "jitsi", "a".repeat(64), "secret".repeat(8),
                "correct-horse-battery-staple-correct-horse-battery", "0123456789abcdef0123456789abcdef0123456789ab" }) {
            asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "algorithm", "HS256",
                    "appSecret", weak)).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                    .body("errors.field", hasItem("appSecret"));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, sealedSecret(tenant), "nothing stored");
    }

    @Test
    void shouldRefuseAChangeWhileTheTenantHasOpenRooms() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        asOps().body(DEFAULT_BBB).put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(409)
                .body("type", equalTo("urn:roomgate:problem:conflict"));
        asOps().body(Map.of("kind", "NATIVE")).put("/api/v1/tenants/{t}/backend", platform.tenantId())
                .then().statusCode(200);
        asOps().get("/api/v1/tenants/{t}/backend", platform.tenantId()).then().body("kind", equalTo("NATIVE"));

        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        asOps().body(DEFAULT_BBB).put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
    }

    /**
     * A room that opens while the backend changes: its insert holds a key-share lock on the tenant
     * row until it commits, the change locks that row first and so sees the room (409). Reading
     * without the lock would count no open room and switch the backend under it.
     */
    @Test
    void shouldSeeARoomThatOpensWhileTheBackendChanges() throws Exception {
        String tenant = newTenant();
        try (Connection room = dataSource.getConnection()) {
            room.setAutoCommit(false);
            try (PreparedStatement insert = room.prepareStatement("INSERT INTO conference.room (id, tenant_id, name, "
                    + "purpose, max_participants, features, idle_timeout_seconds, max_duration_seconds, state, created_at) "
                    + "VALUES (gen_random_uuid(), ?, 'racing', 'LESSON', 5, '{AUDIO}', 900, 3600, 'OPEN', now())")) {
                insert.setString(1, tenant);
                insert.executeUpdate();
            }
            CompletableFuture<Integer> change = CompletableFuture.supplyAsync(() -> asOps().body(DEFAULT_BBB)
                    .put("/api/v1/tenants/{t}/backend", tenant).statusCode());
            await().atMost(Duration.ofSeconds(30)).until(this::changeWaitsForALock);
            assertFalse(change.isDone(), "the change waits for the room's transaction");
            room.commit();
            assertEquals(409, change.get(30, TimeUnit.SECONDS));
        }
        asOps().get("/api/v1/tenants/{t}/backend", tenant).then().body("kind", equalTo("NATIVE"));
    }

    private boolean changeWaitsForALock() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM tenant WHERE id = % FOR UPDATE'");
                ResultSet r = s.executeQuery()) {
            return r.next() && r.getLong(1) > 0;
        }
    }

    @Test
    void shouldLetOnlyOperationsSeeOrSetTheBackend() {
        String tenant = newTenant();
        String platformKey = newKey(tenant, "platform");
        as(platformKey).body(DEFAULT_BBB).put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(403);
        as(platformKey).get("/api/v1/tenants/{t}/backend", tenant).then().statusCode(403);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(DEFAULT_BBB)
                .put("/api/v1/tenants/{t}/backend", tenant).then().statusCode(401);
        asOps().body(DEFAULT_BBB).put("/api/v1/tenants/{t}/backend", "no-such-school").then().statusCode(404);
        asOps().get("/api/v1/tenants/{t}/backend", "no-such-school").then().statusCode(404);
    }

    @Test
    void shouldLetOnlyOperationsCheckTheConnectionAndSayNativeHasNothingToCall() {
        String tenant = newTenant();
        String platformKey = newKey(tenant, "platform");
        as(platformKey).post("/api/v1/tenants/{t}/backend/check", tenant).then().statusCode(403);
        RestAssured.given().post("/api/v1/tenants/{t}/backend/check", tenant).then().statusCode(401);
        asOps().post("/api/v1/tenants/{t}/backend/check", "no-such-school").then().statusCode(404)
                .contentType("application/problem+json");

        asOps().post("/api/v1/tenants/{t}/backend/check", tenant).then().statusCode(200).body("kind", equalTo("NATIVE"))
                .body("items[0].item", equalTo("backend")).body("items[0].outcome", equalTo("not-applicable"));
    }

    @Test
    void shouldDocumentTheCheckWithEveryProblemTypeItAnswers() {
        String path = "paths.'/api/v1/tenants/{tenantId}/backend/check'.post.";
        ExtractableResponse<Response> openApi = RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body(path + "summary", startsWith("Check the connection"))
                .body(path + "responses.'200'.content.'application/json'.schema.$ref", equalTo("#/components/schemas/CheckReport"))
                .body(path + "responses.'502'.content.'application/problem+json'.schema.$ref", equalTo("#/components/schemas/Problem"))
                .body(path + "responses.'404'.description", containsString("not-found"))
                .extract();
        String documented = openApi.path(path + "responses.'502'.description");
        for (ProblemType type : ProblemType.values()) {
            if (type.slug().startsWith("backend-")) {
                assertTrue(documented.contains(type.slug() + ":"), type.slug() + " undocumented");
            }
        }
        Object example = openApi.path(path + "responses.'502'.content.'application/problem+json'.examples.'checksum wrong'.value");
        assertTrue(String.valueOf(example).contains("urn:roomgate:problem:backend-secret-rejected"));
        Map<String, Object> report = openApi.path("components.schemas.CheckReport");
        assertTrue(String.valueOf(report.get("examples")).contains("hooks-delivery-checksum"), String.valueOf(report));
    }

    @Test
    void shouldAnswerNativeJoinsWithTheNativeBackend() {
        var platform = newPlatformWithPolicy();
        String room = newRoom(platform.key(), "LESSON", 5, ALL_SCOPES);
        var joined = join(platform.key(), room, "t-1", "TEACHER");
        assertEquals(Map.of("kind", "NATIVE"), joined.path("backend"));
        as(joined.<String>path("token")).post("/api/v1/rooms/{r}/token", room).then().statusCode(200)
                .body("backend.kind", equalTo("NATIVE"));
    }

    @Test
    void shouldRefuseEventsForATenantWhoseBackendSendsNone() {
        String tenant = newTenant();
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("event=%5B%5D&timestamp=1").queryParam("checksum", "0".repeat(40))
                .post("/api/v1/backend-events/{t}", tenant).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:roomgate:problem:unauthenticated"));
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded").body("event=%5B%5D")
                .post("/api/v1/backend-events/{t}", "no-such-school").then().statusCode(401);
    }

    private byte[] sealedSecret(String tenant) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT sealed_secret FROM tenant_backend WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }
}
