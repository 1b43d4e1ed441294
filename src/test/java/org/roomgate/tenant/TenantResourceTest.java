package org.roomgate.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.newTenant;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TenantResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldCreateTenantAndListIt() {
        String id = "school-" + UUID.randomUUID().toString().substring(0, 8);
        asOps().body(Map.of("id", id, "name", "Kastellschule Oberhausen"))
                .post("/api/v1/tenants")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/tenants/" + id))
                .body("id", equalTo(id))
                .body("name", equalTo("Kastellschule Oberhausen"))
                .body("createdAt", notNullValue());

        asOps().get("/api/v1/tenants").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void shouldRefuseDuplicateTenantWithConflict() {
        String id = newTenant();
        asOps().body(Map.of("id", id, "name", "Again"))
                .post("/api/v1/tenants")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:conflict"))
                .body("status", equalTo(409));
    }

    @Test
    void shouldRejectInvalidTenantIdWithFieldError() {
        asOps().body(Map.of("id", "A B", "name", "Bad"))
                .post("/api/v1/tenants")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", hasItem("id"));
        asOps().get("/api/v1/tenants").then().body("id", org.hamcrest.Matchers.not(hasItem("A B")));
    }

    @Test
    void shouldRejectMalformedJson() {
        asOps().body("{\"id\": \"abc\", ").post("/api/v1/tenants")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("com.fasterxml")));
    }

    @Test
    void shouldRejectWrongTypeWithFieldName() {
        asOps().body("{\"id\": 42, \"name\": [1]}").post("/api/v1/tenants")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void shouldRejectMissingOrUnknownKeyWithUnauthenticated() {
        given().get("/api/v1/tenants")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:roomgate:problem:unauthenticated"));
        as("rg_not-a-real-key").get("/api/v1/tenants")
                .then().statusCode(401).body("type", equalTo("urn:roomgate:problem:unauthenticated"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/tenants")
                .then().statusCode(401).body("type", equalTo("urn:roomgate:problem:unauthenticated"));
    }

    @Test
    void shouldForbidPlatformKeyOnOpsEndpoint() {
        String tenant = newTenant();
        String platformKey = newKey(tenant, "platform");
        as(platformKey).get("/api/v1/tenants")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:forbidden"));
        as(platformKey).body(Map.of("id", "x-" + tenant, "name", "x")).post("/api/v1/tenants")
                .then().statusCode(403);
        asOps().get("/api/v1/tenants").then().body("id", org.hamcrest.Matchers.not(hasItem("x-" + tenant)));
    }

    @Test
    void shouldStopAcceptingRevokedKeyAtOnce() {
        String tenant = newTenant();
        var created = asOps().body(Map.of("role", "dashboard", "label", "wall display"))
                .post("/api/v1/tenants/{t}/api-keys", tenant)
                .then().statusCode(201)
                .body("role", equalTo("dashboard"))
                .body("label", equalTo("wall display"))
                .body("key", matchesPattern("rg_[A-Za-z0-9_-]{43}"))
                .extract();
        String key = created.path("key");
        String keyId = created.path("id");
        // Authenticated (not 401) but wrong role (403) before revocation.
        as(key).get("/api/v1/tenants").then().statusCode(403);

        asOps().delete("/api/v1/tenants/{t}/api-keys/{k}", tenant, keyId).then().statusCode(204);

        as(key).get("/api/v1/tenants").then().statusCode(401)
                .body("type", equalTo("urn:roomgate:problem:unauthenticated"));
        asOps().get("/api/v1/tenants/{t}/api-keys", tenant).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].revokedAt", notNullValue())
                .body("[0].key", nullValue());
    }

    @Test
    void shouldReturnNotFoundForKeyOfAnotherTenant() {
        String first = newTenant();
        String second = newTenant();
        String keyId = asOps().body(Map.of("role", "platform")).post("/api/v1/tenants/{t}/api-keys", first)
                .then().statusCode(201).extract().path("id");
        asOps().delete("/api/v1/tenants/{t}/api-keys/{k}", second, keyId)
                .then().statusCode(404).body("type", equalTo("urn:roomgate:problem:not-found"));
    }

    @Test
    void shouldRejectUnknownKeyRole() {
        String tenant = newTenant();
        asOps().body(Map.of("role", "ops")).post("/api/v1/tenants/{t}/api-keys", tenant)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("role"));
        asOps().get("/api/v1/tenants/{t}/api-keys", tenant).then().body("", hasSize(0));
    }

    @Test
    void shouldNeverStoreKeyInClear() throws SQLException {
        String tenant = newTenant();
        String key = newKey(tenant, "platform");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT * FROM api_key WHERE tenant_id = '" + tenant + "'")) {
            int count = 0;
            while (rows.next()) {
                count++;
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    byte[] value = rows.getBytes(i);
                    if (value != null) {
                        String text = new String(value, StandardCharsets.UTF_8);
                        assertFalse(text.contains(key.substring(3)), "column " + i + " holds the key");
                    }
                }
            }
            assertEquals(1, count);
        }
    }

    @Test
    void shouldAnswerFrameworkErrorsAsProblems() {
        asOps().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:not-found"));
        asOps().put("/api/v1/tenants").then().statusCode(405).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:method-not-allowed"));
        asOps().contentType(ContentType.TEXT).body("id=x").post("/api/v1/tenants")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:unsupported-media-type"));
    }

    @Test
    void shouldRefuseOversizedJsonWithProblem() {
        String huge = "{\"id\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"name\":\"x\"}";
        asOps().body(huge).post("/api/v1/tenants")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:payload-too-large"));
    }
}
