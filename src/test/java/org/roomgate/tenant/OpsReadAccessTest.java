package org.roomgate.tenant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.joinBody;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** R11 / API.md: operations may read everything, naming the tenant; they write nothing of a tenant's. */
@QuarkusTest
class OpsReadAccessTest {

    @Test
    void shouldLetOpsReadATenantsDataByNamingIt() {
        var school = newPlatformWithPolicy();
        grantConsent(school.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String room = newRoom(school.key(), "LESSON", 5, ALL_SCOPES);
        join(school.key(), room, "p-1", "PUPIL");
        as(school.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
        String tenant = school.tenantId();

        asOps().get("/api/v1/rooms?tenant={t}", tenant).then().statusCode(200).body("id", contains(room));
        asOps().get("/api/v1/rooms/{r}?tenant={t}", room, tenant).then().statusCode(200).body("state", equalTo("CLOSED"));
        asOps().get("/api/v1/rooms/{r}/attendance?tenant={t}", room, tenant).then().statusCode(200).body("", hasSize(1));
        asOps().get("/api/v1/rooms/{r}/wipe-receipt?tenant={t}", room, tenant).then().statusCode(200);
        asOps().get("/api/v1/stats?tenant={t}", tenant).then().statusCode(200).body("openRooms", equalTo(0));
        asOps().get("/api/v1/policy?tenant={t}", tenant).then().statusCode(200).body("version", equalTo("2020-11-19"));
        asOps().get("/api/v1/subjects/p-1/consent?tenant={t}", tenant).then().statusCode(200);
        asOps().get("/api/v1/subjects/p-1/consent/history?tenant={t}", tenant).then().statusCode(200).body("", hasSize(1));
        asOps().get("/api/v1/subjects/p-1/data?tenant={t}", tenant).then().statusCode(200).body("participations", hasSize(1));
    }

    @Test
    void shouldAskOpsToNameAnExistingTenant() {
        asOps().get("/api/v1/rooms").then().statusCode(400)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", contains("tenant"));
        asOps().get("/api/v1/rooms?tenant=no-such-school").then().statusCode(404)
                .body("type", equalTo("urn:roomgate:problem:not-found"));
    }

    @Test
    void shouldNotLetOpsWriteATenantsData() {
        var school = newPlatformWithPolicy();
        String room = newRoom(school.key(), "LESSON", 5, ALL_SCOPES);
        String tenant = school.tenantId();
        asOps().body(Map.of("name", "x", "purpose", "LESSON")).post("/api/v1/rooms?tenant={t}", tenant)
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:forbidden"));
        asOps().post("/api/v1/rooms/{r}/close?tenant={t}", room, tenant).then().statusCode(403);
        asOps().body(joinBody("t-1", "TEACHER")).post("/api/v1/rooms/{r}/join?tenant={t}", room, tenant).then().statusCode(403);
        asOps().delete("/api/v1/subjects/p-1?tenant={t}", tenant).then().statusCode(403);
        as(school.key()).get("/api/v1/rooms/{r}", room).then().body("state", equalTo("OPEN"));
    }

    @Test
    void shouldIgnoreTenantParameterOfTenantKeys() {
        var school = newPlatformWithPolicy();
        var other = newPlatformWithPolicy();
        String room = newRoom(other.key(), "LESSON", 5, ALL_SCOPES);
        as(school.key()).get("/api/v1/rooms/{r}?tenant={t}", room, other.tenantId()).then().statusCode(404);
        as(school.key()).get("/api/v1/rooms?tenant={t}", other.tenantId()).then().statusCode(200).body("", hasSize(0));
    }
}
