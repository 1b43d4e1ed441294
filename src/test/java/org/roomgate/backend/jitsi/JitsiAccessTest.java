package org.roomgate.backend.jitsi;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api.Platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A tenant on Jitsi, end to end: the join hands over a token that passes Prosody's rules with the
 * published key, and Prosody's per-connection check (played by its stand-in) is refused once the
 * participation ended or its rights narrowed.
 */
@QuarkusTest
class JitsiAccessTest {

    static final List<String> PUPIL_SCOPES = List.of("AUDIO", "VIDEO", "CHAT", "SCREEN_SHARE");

    @TestHTTPResource("/.well-known/asap")
    URL asapServer;

    @TestHTTPResource("/api/v1/backend-events")
    URL events;

    private Platform platform;
    private ProsodyStandIn prosody;

    @BeforeEach
    void jitsiTenant() {
        platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "audience", "jitsi",
                "algorithm", "RS256")).put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", PUPIL_SCOPES, ALL_PURPOSES);
        prosody = new ProsodyStandIn(events + "/" + platform.tenantId() + "/jitsi-access");
    }

    @Test
    void shouldHandOverATokenThatPassesProsodysRulesWithThePublishedKey() {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        ExtractableResponse<Response> joined = join(platform.key(), room, "p-1", "PUPIL");

        assertEquals("JITSI", joined.path("backend.kind"));
        String token = joined.path("backend.token");
        assertEquals("https://meet.example/" + platform.tenantId() + "/" + room + "?jwt=" + token,
                joined.path("backend.joinUrl"));
        Map<String, Object> claims = ProsodyTokenRules.verify(token, host(room), Instant.now());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) ((Map<String, Object>) claims.get("context")).get("user");
        assertEquals(joined.path("participationId").toString(), user.get("id"));
    }

    @Test
    void shouldRefuseTheConnectionOnceTheParticipationHasEnded() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        ExtractableResponse<Response> joined = join(platform.key(), room, "p-1", "PUPIL");
        String token = joined.path("backend.token");

        assertTrue(prosody.connect(token));
        as(platform.key()).body(Map.of("participationId", joined.path("participationId").toString()))
                .post("/api/v1/rooms/{r}/leave", room).then().statusCode(204);

        assertFalse(prosody.connect(token), "an ended participation's token is refused at its next connect");
        assertFalse(prosody.connect(token));
        assertEquals(2, prosody.asked(), "banned by Prosody after the first refusal");
    }

    @Test
    void shouldRefuseATokenWiderThanTheRightsNowUntilTheParticipantFetchesAFreshOne() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        ExtractableResponse<Response> joined = join(platform.key(), room, "p-1", "PUPIL");
        String wide = joined.path("backend.token");

        grantConsent(platform.key(), "p-1", "2020-11-19", List.of("AUDIO", "VIDEO"), ALL_PURPOSES);

        assertFalse(prosody.connect(wide), "send-groupchat and screen-sharing are no longer granted");
        String fresh = RestAssured.given().header("Authorization", "Bearer " + joined.path("token"))
                .post("/api/v1/rooms/{r}/token", room).then().statusCode(200)
                .body("capabilities", equalTo(List.of("VIDEO", "AUDIO"))).extract().path("backend.token");
        assertTrue(prosody.connect(fresh));
    }

    @Test
    void shouldAnswer401ForATokenThatIsNotThisTenantsAndChangeNothing() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        ExtractableResponse<Response> joined = join(platform.key(), room, "p-1", "PUPIL");
        String token = joined.path("backend.token");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        Platform other = newPlatformWithPolicy();

        RestAssured.given().header("Authorization", "Bearer " + forged)
                .get("/api/v1/backend-events/{t}/jitsi-access", platform.tenantId())
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get("/api/v1/backend-events/{t}/jitsi-access", platform.tenantId()).then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + token)
                .get("/api/v1/backend-events/{t}/jitsi-access", other.tenantId()).then().statusCode(401);

        assertTrue(prosody.connect(token));
        as(platform.key()).get("/api/v1/rooms/{r}/attendance", room).then().body("[0].leftAt", nullValue());
    }

    private ProsodyTokenRules.Host host(String room) {
        return new ProsodyTokenRules.Host("roomgate", null, asapServer.toString(), "jitsi", platform.tenantId(), room);
    }
}
