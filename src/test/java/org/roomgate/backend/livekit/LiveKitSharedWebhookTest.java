package org.roomgate.backend.livekit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api.Platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Two schools on one LiveKit server (the Twirp stand-in knows both key pairs, as livekit.yaml
 * `keys` would) and one webhook URL for both, POST /api/v1/livekit-webhooks: a delivery reaches
 * the tenant its room names, verified with that tenant's key, and nobody else; one signed with the
 * other tenant's key is refused and changes nothing. Webhooks are signed by LiveKit's own SDK.
 */
@QuarkusTest
class LiveKitSharedWebhookTest {

    static final String KEY_A = "APIschoolA";
    static final String SECRET_A = "school-a-livekit-secret-of-forty-chars!!";
    static final String KEY_B = "APIschoolB";
    static final String SECRET_B = "school-b-livekit-secret-of-forty-chars!!";

    static TwirpStandIn standIn;

    private School a;
    private School b;

    record School(Platform platform, String room, String pupil) {
        String meeting() {
            return platform.tenantId() + "--" + room;
        }
    }

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = new TwirpStandIn();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @BeforeEach
    void resetStandIn() {
        standIn.reset();
        standIn.keys(Map.of(KEY_A, SECRET_A, KEY_B, SECRET_B));
    }

    @Test
    void shouldRouteEachDeliveryToItsTenantAndRefuseTheOtherTenantsKey() {
        a = school(KEY_A, SECRET_A);
        b = school(KEY_B, SECRET_B);

        shared(left(b), KEY_A, SECRET_A).then().statusCode(401).contentType("application/problem+json");
        assertInside(b);

        shared(left(a), KEY_A, SECRET_A).then().statusCode(204);
        assertLeft(a);
        assertInside(b);

        shared(left(b), KEY_B, SECRET_B).then().statusCode(204);
        assertLeft(b);
    }

    @Test
    void shouldServeTwoTenantsThatStoreTheServersOneWebhookKey() {
        a = school(KEY_A, SECRET_A);
        b = school(KEY_A, SECRET_A);

        shared(left(a), KEY_A, SECRET_A).then().statusCode(204);

        assertLeft(a);
        assertInside(b);
        shared(LiveKitLifecycleTest.webhook("room_finished", b.meeting(), ""), KEY_A, SECRET_A).then().statusCode(204);
        as(b.platform().key()).get("/api/v1/rooms/{r}", b.room()).then().body("state", equalTo("CLOSED"));
        as(a.platform().key()).get("/api/v1/rooms/{r}", a.room()).then().body("state", equalTo("OPEN"));
    }

    @Test
    void shouldAcknowledgeAnEventThatNamesNoRoomgateRoom() {
        String egress = "{\"event\":\"egress_started\",\"id\":\"EV_e\",\"createdAt\":\"1767225600\"}";
        String otherApplication = LiveKitLifecycleTest.webhook("room_started", "standup-meeting", "");

        shared(egress, KEY_A, SECRET_A).then().statusCode(204);
        shared(otherApplication, KEY_A, SECRET_A).then().statusCode(204);
    }

    private School school(String key, String secret) {
        Platform platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "LIVEKIT", "url", "wss://lk.example", "apiUrl", standIn.apiUrl(), "apiKey", key,
                "apiSecret", secret)).put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", List.of("AUDIO", "VIDEO", "CHAT"), ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String pupil = join(platform.key(), room, "p-1", "PUPIL").path("participationId");
        return new School(platform, room, pupil);
    }

    private static String left(School school) {
        return LiveKitLifecycleTest.webhook("participant_left", school.meeting(), school.pupil());
    }

    private static Response shared(String body, String key, String secret) {
        String auth = LiveKitSdk.batch().signWebhook(body, key, secret, "5m").single().path("auth").asText();
        return RestAssured.given().header("Authorization", auth).contentType("application/webhook+json").body(body)
                .post("/api/v1/livekit-webhooks");
    }

    private static void assertLeft(School school) {
        as(school.platform().key()).get("/api/v1/rooms/{r}/attendance", school.room()).then().statusCode(200)
                .body("[0].leftAt", notNullValue()).body("[0].leaveReason", equalTo("LEFT"));
    }

    private static void assertInside(School school) {
        as(school.platform().key()).get("/api/v1/rooms/{r}/attendance", school.room()).then().statusCode(200)
                .body("[0].leftAt", nullValue());
    }
}
