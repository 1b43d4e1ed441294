package org.roomgate.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Fixtures that every end-to-end test needs: the ops key, a fresh tenant and its keys. */
public final class Api {

    /** Matches {@code roomgate.bootstrap-ops-key} in the test profile. */
    public static final String OPS_KEY = "test-ops-key-0123456789abcdef0123456789abcdef";

    private Api() {
    }

    public static RequestSpecification as(String bearer) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + bearer);
    }

    public static RequestSpecification asOps() {
        return as(OPS_KEY);
    }

    /** A tenant with a unique id, so tests never see each other's data. */
    public static String newTenant() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        asOps().body(Map.of("id", id, "name", "School " + id)).post("/api/v1/tenants").then().statusCode(201);
        return id;
    }

    /** A new key of the given role ("platform" or "dashboard") for the tenant. */
    public static String newKey(String tenantId, String role) {
        return asOps().body(Map.of("role", role, "label", role + " key"))
                .post("/api/v1/tenants/{t}/api-keys", tenantId)
                .then().statusCode(201).extract().path("key");
    }
}
