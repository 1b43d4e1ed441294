package org.roomgate.support;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.asOps;

import java.util.Map;

import io.restassured.response.ValidatableResponse;

/** Calls POST /api/v1/tenants/{id}/backend/check as ops, and judges what it answered and logged. */
public final class ConnectionChecks {

    private ConnectionChecks() {
    }

    public static ValidatableResponse check(String tenantId) {
        return asOps().post("/api/v1/tenants/{t}/backend/check", tenantId).then();
    }

    public static ValidatableResponse check(String tenantId, Map<String, Object> body) {
        return asOps().body(body).post("/api/v1/tenants/{t}/backend/check", tenantId).then();
    }

    /** A failed check: 502 problem+json of the given type. */
    public static ValidatableResponse failed(ValidatableResponse answer, String type) {
        return answer.statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:roomgate:problem:" + type));
    }

    /** Neither the answer nor anything logged during the check holds the secret; the check itself was logged. */
    public static void assertNoSecret(LogCapture log, String tenantId, String answer, String secret) {
        assertFalse(answer.contains(secret), "the answer holds the secret");
        String logged = log.text();
        assertTrue(logged.contains("Connection check of tenant " + tenantId), "the check is logged");
        assertFalse(logged.contains(secret), "the log holds the secret");
    }
}
