package org.roomgate.backend.jitsi;

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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomgate.support.Api.Platform;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * roomgate's Prosody module, the real Lua file under Debian's Lua in the stand-in of Prosody's
 * module API, against this running roomgate: a consented pupil is admitted and stays; a pupil
 * whose consent was withdrawn, or who joins a closed room, is refused; one inside is removed at
 * the next check after her consent is withdrawn; and without an answer from roomgate (none at
 * all, or none within the timeout) joins are refused and those inside are removed after the grace.
 */
@QuarkusTest
class ProsodyModuleTest {

    static final int INTERVAL = 30;
    static final int GRACE = 60;
    static final int TIMEOUT = 5;
    static final String FOCUS = "focus@auth.meet.example/focus";

    @TestHTTPResource("/")
    URL roomgate;

    private Platform platform;
    private LuaProsody prosody;

    @BeforeAll
    static void lua() throws Exception {
        LuaProsody.requireLua();
    }

    @BeforeEach
    void jitsiTenantAndProsody() throws Exception {
        platform = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "audience", "jitsi",
                "algorithm", "RS256")).put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
        grantConsent(platform.key(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        grantConsent(platform.key(), "p-2", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        prosody = LuaProsody.start(Map.of("roomgate_access_url", roomgate.toString(),
                "roomgate_access_interval", INTERVAL, "roomgate_access_grace", GRACE, "roomgate_access_timeout", TIMEOUT,
                "roomgate_access_exempt", List.of("auth.meet.example")));
    }

    @AfterEach
    void stopProsody() throws Exception {
        if (prosody != null) {
            prosody.close();
        }
    }

    @Test
    void shouldAdmitAConsentedPupilAndKeepHerWhileRoomgateSaysYes() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String muc = mucOf(platform, room);

        assertTrue(prosody.admitted(muc, "focus", FOCUS, null), "jicofo's focus needs no token");
        assertTrue(prosody.admitted(muc, "n1", "u1@meet.example/web", tokenOf(room, "p-1")));
        assertEquals(List.of(), prosody.advance(INTERVAL));
        assertEquals(List.of(), prosody.advance(INTERVAL * 3), "roomgate confirmed her at every check");
        assertEquals(List.of(muc + "/focus", muc + "/n1"), prosody.occupants(muc));
    }

    @Test
    void shouldRefuseAPupilWhoseConsentWasWithdrawnAfterSheGotHerToken() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String token = tokenOf(room, "p-1");
        as(platform.key()).delete("/api/v1/subjects/{s}/consent", "p-1").then().statusCode(204);

        JsonNode refused = prosody.join(mucOf(platform, room), "n1", "u1@meet.example/web", token);

        assertFalse(refused.path("admitted").asBoolean());
        assertEquals("not-allowed", refused.path("error").asText());
        assertEquals(List.of(), prosody.occupants(mucOf(platform, room)));
    }

    @Test
    void shouldRefuseAJoinToAClosedRoom() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String token = tokenOf(room, "p-1");
        as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);

        assertFalse(prosody.admitted(mucOf(platform, room), "n1", "u1@meet.example/web", token));
    }

    @Test
    void shouldRemoveAPupilInsideAtTheNextCheckOnceHerConsentIsWithdrawn() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String muc = mucOf(platform, room);
        String first = tokenOf(room, "p-1");
        assertTrue(prosody.admitted(muc, "n1", "u1@meet.example/web", first));
        assertTrue(prosody.admitted(muc, "n2", "u2@meet.example/web", tokenOf(room, "p-2")));

        as(platform.key()).delete("/api/v1/subjects/{s}/consent", "p-1").then().statusCode(204);
        assertEquals(List.of(), prosody.advance(INTERVAL - 1), "nothing before the check");

        assertEquals(List.of(new LuaProsody.Kick(muc + "/n1", "roomgate: admission ended")), prosody.advance(1));
        assertEquals(List.of(muc + "/n2"), prosody.occupants(muc), "the other pupil stays");
        assertFalse(prosody.admitted(muc, "n1", "u1@meet.example/web", first), "her token does not bring her back");
    }

    @Test
    void shouldRefuseJoinsAndRemoveThoseInsideAfterTheGraceWhenRoomgateCannotBeAsked() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String muc = mucOf(platform, room);
        assertTrue(prosody.admitted(muc, "n1", "u1@meet.example/web", tokenOf(room, "p-1")));
        String second = tokenOf(room, "p-2");

        prosody.unplug();

        assertFalse(prosody.admitted(muc, "n2", "u2@meet.example/web", second), "a join roomgate does not confirm");
        assertEquals(List.of(), prosody.advance(GRACE - 1), "a short outage empties no lesson");
        assertEquals(List.of(new LuaProsody.Kick(muc + "/n1", "roomgate: admission could not be confirmed")),
                prosody.advance(INTERVAL));
    }

    @Test
    void shouldRefuseAJoinThatRoomgateDoesNotAnswerWithinTheTimeout() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String muc = mucOf(platform, room);
        String token = tokenOf(room, "p-1");
        prosody.stall();

        assertTrue(prosody.join(muc, "n1", "u1@meet.example/web", token).path("waiting").asBoolean(),
                "the join waits for roomgate's answer");
        assertEquals(Map.of(), prosody.decided(TIMEOUT - 1));
        assertEquals(Map.of(muc + "/n1", false), prosody.decided(1));
        assertEquals(List.of(), prosody.occupants(muc));
    }

    @Test
    void shouldRefuseAParticipantWithoutATokenOrWithAnotherTenantsToken() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        Platform other = newPlatformWithPolicy();
        asOps().body(Map.of("kind", "JITSI", "url", "https://meet.example", "appId", "roomgate", "audience", "jitsi",
                "algorithm", "RS256")).put("/api/v1/tenants/{t}/backend", other.tenantId()).then().statusCode(200);
        grantConsent(other.key(), "p-9", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        String otherRoom = newRoom(other.key(), "LESSON", 30, ALL_SCOPES);
        String othersToken = join(other.key(), otherRoom, "p-9", "PUPIL").path("backend.token");

        assertFalse(prosody.admitted(mucOf(platform, room), "n1", "u1@meet.example/web", null));
        assertFalse(prosody.admitted(mucOf(platform, room), "n2", "u2@meet.example/web", othersToken),
                "roomgate answers 401 for a token that is not this tenant's");
        assertFalse(prosody.admitted(room + "@conference.meet.example", "n3", "u3@meet.example/web", tokenOf(room, "p-1")),
                "a room outside /<tenant>/ is not roomgate's");
    }

    @Test
    void shouldLogNeitherTokensNorNames() throws Exception {
        String room = newRoom(platform.key(), "LESSON", 30, ALL_SCOPES);
        String muc = mucOf(platform, room);
        String token = tokenOf(room, "p-1");
        assertTrue(prosody.admitted(muc, "n1", "u1@meet.example/web", token));
        as(platform.key()).delete("/api/v1/subjects/{s}/consent", "p-1").then().statusCode(204);
        assertEquals(1, prosody.advance(INTERVAL).size());
        assertFalse(prosody.admitted(muc, "n1", "u1@meet.example/web", token));

        List<String> logs = prosody.logs();
        assertEquals(2, logs.size(), logs.toString());
        assertTrue(logs.stream().noneMatch(l -> l.contains(token.split("\\.")[1]) || l.contains("Max M.")), logs.toString());
    }

    /** The room's JID on the MUC component as mod_muc_domain_mapper names https://meet.example/<tenant>/<room>. */
    static String mucOf(Platform platform, String room) {
        return "[" + platform.tenantId() + "]" + room + "@conference.meet.example";
    }

    private String tokenOf(String room, String subject) {
        return join(platform.key(), room, subject, "PUPIL").path("backend.token");
    }
}
