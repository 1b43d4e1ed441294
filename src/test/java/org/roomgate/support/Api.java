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

    public static final java.util.List<String> ALL_SCOPES =
            java.util.List.of("VIDEO", "AUDIO", "CHAT", "SCREEN_SHARE", "WHITEBOARD", "FILES", "POLLS", "STATUS");
    public static final java.util.List<String> ALL_PURPOSES = java.util.List.of("LESSON", "SMALL_GROUP", "ONE_TO_ONE");

    /** Publishes a policy version for the platform key's tenant. */
    public static void publishPolicy(String platformKey, String version, boolean reconsentRequired) {
        as(platformKey).body(Map.of("version", version, "title", "Nutzungsordnung Videokonferenzen",
                "url", "https://schule.example/nutzungsordnung.pdf", "reconsentRequired", reconsentRequired))
                .put("/api/v1/policy").then().statusCode(200);
    }

    /** The body of a guardian's consent for the given policy version, scopes and purposes. */
    public static Map<String, Object> consent(String version, java.util.List<String> scopes, java.util.List<String> purposes) {
        return Map.of("policyVersion", version,
                "grantedBy", Map.of("name", "Erika Mustermann", "relation", "GUARDIAN"),
                "scopes", scopes, "purposes", purposes);
    }

    /** Records a consent and returns nothing; fails the test unless it was stored. */
    public static void grantConsent(String platformKey, String subjectId, String version,
            java.util.List<String> scopes, java.util.List<String> purposes) {
        as(platformKey).body(consent(version, scopes, purposes))
                .put("/api/v1/subjects/{s}/consent", subjectId).then().statusCode(200);
    }

    /** A tenant's id and one of its platform keys. */
    public record Platform(String tenantId, String key) {
    }

    /** A new tenant with a platform key and a published policy "2020-11-19". */
    public static Platform newPlatformWithPolicy() {
        String tenant = newTenant();
        String key = newKey(tenant, "platform");
        publishPolicy(key, "2020-11-19", true);
        return new Platform(tenant, key);
    }

    /** Creates a room with the given purpose, limit and features; returns its id. */
    public static String newRoom(String platformKey, String purpose, int maxParticipants, java.util.List<String> features) {
        return as(platformKey).body(Map.of("name", "Klasse 3b Mathematik", "purpose", purpose,
                        "maxParticipants", maxParticipants, "features", features))
                .post("/api/v1/rooms").then().statusCode(201).extract().path("id");
    }

    /** The body of a join request. */
    public static Map<String, Object> joinBody(String subjectId, String role) {
        return Map.of("subjectId", subjectId, "displayName", "Max M.", "role", role,
                "clientIp", "203.0.113.77", "userAgent", "Mozilla/5.0 (X11; TestBrowser/1.0)");
    }

    /** Joins and returns the response; fails the test unless admitted. */
    public static io.restassured.response.ExtractableResponse<io.restassured.response.Response> join(
            String platformKey, String roomId, String subjectId, String role) {
        return as(platformKey).body(joinBody(subjectId, role)).post("/api/v1/rooms/{r}/join", roomId)
                .then().statusCode(200).extract();
    }
}
