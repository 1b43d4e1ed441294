package org.roomgate.backend.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.roomgate.support.Api.Platform;
import org.roomgate.support.Sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What a database crash leaves of a Jitsi conference (README "Connecting Jitsi"): roomgate has
 * no meeting to end, so a participant already in the call stays until its next connection, which
 * Prosody's access check refuses for the forgotten participation, and at most until its token
 * expires a token lifetime after it was issued; nothing refreshes it.
 */
@QuarkusTest
class JitsiForgottenParticipationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/backend-events")
    URL events;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JitsiConfig config;

    @Test
    void shouldRefuseTheNextConnectionOfAParticipationTheDatabaseForgot() throws Exception {
        Platform platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "algorithm", "RS256"))
                .put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", List.of("AUDIO", "VIDEO", "CHAT"), ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        var joined = join(platform.key(), room, "p-1", "PUPIL");
        String jitsiToken = joined.path("backend.token");
        ProsodyStandIn prosody = new ProsodyStandIn(events + "/" + platform.tenantId() + "/jitsi-access");
        assertTrue(prosody.connect(jitsiToken));

        // What crash recovery does to the UNLOGGED schema, for this room: its rows are gone.
        assertEquals(1, new Sql(dataSource).update("DELETE FROM conference.room WHERE id = ?", UUID.fromString(room)));

        assertFalse(prosody.connect(jitsiToken), "the forgotten participation's token is refused at its next connection");
        RestAssured.given().header("Authorization", "Bearer " + joined.path("token"))
                .post("/api/v1/rooms/{r}/token", room).then().statusCode(410);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jitsiToken.split("\\.")[1]));
        assertEquals(config.tokenLifetime().toSeconds(), claims.get("exp").asLong() - claims.get("iat").asLong(),
                "a participant who never reconnects is out when the token expires, like any other");
        assertTrue(config.tokenLifetime().toMinutes() <= 5, "the default bound the README names");
    }
}
