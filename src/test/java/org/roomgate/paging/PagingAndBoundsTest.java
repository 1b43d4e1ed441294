package org.roomgate.paging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.asOps;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.roomgate.content.ContentFixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * API.md v1.1 "Paging and bounds" and issue 11, points 12–14: every list pages with limit,
 * after and Link; malformed input is 400 naming the parameter; open rooms, strokes and files
 * are bounded; keys and tokens are never cached; operators see counts, never content.
 */
@QuarkusTest
class PagingAndBoundsTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void shouldPageRoomsNewestFirstByFollowingTheLink() {
        var school = newPlatformWithPolicy();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, newRoom(school.key(), "LESSON", 5, ALL_SCOPES));
        }
        assertEquals(created, collect(school.key(), "/api/v1/rooms?limit=2", 2));
    }

    @Test
    void shouldPageEveryList() {
        var f = ContentFixture.create();
        String ops = org.roomgate.support.Api.OPS_KEY;
        grantConsent(f.platformKey(), "p-1", "2020-11-19", ALL_SCOPES, ALL_PURPOSES);
        newKey(f.tenantId(), "dashboard");
        for (int i = 0; i < 2; i++) {
            as(f.pupilToken()).body(Map.of("text", "Hallo " + i)).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
            as(f.pupilToken()).body(Map.of("data", Map.of("x", i))).post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                    .then().statusCode(201);
            given().header("Authorization", "Bearer " + f.pupilToken()).multiPart("file", "a" + i + ".txt", new byte[] { 1 }, "text/plain")
                    .post("/api/v1/rooms/{r}/files", f.roomId()).then().statusCode(201);
        }
        assertEquals(2, collect(f.platformKey(), "/api/v1/rooms/" + f.roomId() + "/attendance?limit=1", 1).size());
        assertEquals(2, collect(f.platformKey(), "/api/v1/subjects/p-1/consent/history?limit=1", 1).size());
        assertEquals(2, collect(f.pupilToken(), "/api/v1/rooms/" + f.roomId() + "/chat?limit=1", 1).size());
        assertEquals(2, collect(f.pupilToken(), "/api/v1/rooms/" + f.roomId() + "/whiteboard/strokes?limit=1", 1).size());
        assertEquals(2, collect(f.pupilToken(), "/api/v1/rooms/" + f.roomId() + "/files?limit=1", 1).size());
        assertEquals(2, collect(f.pupilToken(), "/api/v1/rooms/" + f.roomId() + "/participants?limit=1", 1).size());
        assertEquals(2, collect(ops, "/api/v1/tenants/" + f.tenantId() + "/api-keys?limit=1", 1).size());
        List<String> tenants = collect(ops, "/api/v1/tenants?limit=300", 300);
        assertTrue(tenants.contains(f.tenantId()));
        assertEquals(tenants.size(), new HashSet<>(tenants).size(), "a tenant appeared on two pages");
    }

    @Test
    void shouldKeepTheNumericAfterOfChat() {
        var f = ContentFixture.create();
        long first = as(f.pupilToken()).body(Map.of("text", "eins")).post("/api/v1/rooms/{r}/chat", f.roomId())
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(f.pupilToken()).body(Map.of("text", "zwei")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        as(f.pupilToken()).get("/api/v1/rooms/{r}/chat?after={a}", f.roomId(), first).then().statusCode(200)
                .body("text", contains("zwei"));
    }

    @Test
    void shouldRefuseLimitsAndCursorsThatAreNotOurs() {
        var f = ContentFixture.create();
        for (String limit : List.of("0", "501", "abc", "-1")) {
            as(f.platformKey()).get("/api/v1/rooms?limit=" + limit).then().statusCode(400)
                    .body("type", equalTo("urn:roomgate:problem:validation-failed")).body("errors.field", contains("limit"));
        }
        as(f.platformKey()).get("/api/v1/rooms?after=abc").then().statusCode(400).body("errors.field", contains("after"));
        as(f.platformKey()).get("/api/v1/rooms/{r}/attendance?after=%%%", f.roomId()).then().statusCode(400)
                .body("errors.field", contains("after"));
        as(f.pupilToken()).get("/api/v1/rooms/{r}/chat?after=abc", f.roomId()).then().statusCode(400)
                .body("errors.field", contains("after"));
        asOps().get("/api/v1/tenants?after=" + "!!").then().statusCode(400).body("errors.field", contains("after"));
    }

    @Test
    void shouldRefuseAnOpenRoomBeyondTheTenantsQuota() {
        var school = newPlatformWithPolicy();
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rooms.add(newRoom(school.key(), "LESSON", 5, ALL_SCOPES));
        }
        as(school.key()).body(Map.of("name", "21", "purpose", "LESSON")).post("/api/v1/rooms").then().statusCode(409)
                .body("type", equalTo("urn:roomgate:problem:quota-exceeded"));
        as(school.key()).get("/api/v1/rooms?state=OPEN&limit=500").then().body("", hasSize(20));
        as(school.key()).post("/api/v1/rooms/{r}/close", rooms.get(0)).then().statusCode(200);
        as(school.key()).body(Map.of("name", "21", "purpose", "LESSON")).post("/api/v1/rooms").then().statusCode(201);
    }

    @Test
    void shouldCapStrokesAndFilesPerRoom() {
        var f = ContentFixture.create();
        for (int i = 0; i < 20; i++) {
            as(f.pupilToken()).body(Map.of("data", Map.of("i", i))).post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                    .then().statusCode(201);
        }
        as(f.pupilToken()).body(Map.of("data", Map.of("i", 20))).post("/api/v1/rooms/{r}/whiteboard/strokes", f.roomId())
                .then().statusCode(409).body("type", equalTo("urn:roomgate:problem:quota-exceeded"));
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", "Bearer " + f.pupilToken()).multiPart("file", "f.txt", new byte[] { 1 }, "text/plain")
                    .post("/api/v1/rooms/{r}/files", f.roomId()).then().statusCode(i < 5 ? 201 : 409);
        }
        as(f.pupilToken()).get("/api/v1/rooms/{r}/whiteboard/strokes?limit=500", f.roomId()).then().body("", hasSize(20));
        as(f.pupilToken()).get("/api/v1/rooms/{r}/files", f.roomId()).then().body("", hasSize(5));
    }

    @Test
    void shouldForbidCachingOfKeysAndTokens() {
        var school = newPlatformWithPolicy();
        asOps().body(Map.of("role", "platform")).post("/api/v1/tenants/{t}/api-keys", school.tenantId())
                .then().statusCode(201).header("Cache-Control", "no-store");
        String room = newRoom(school.key(), "LESSON", 5, ALL_SCOPES);
        as(school.key()).body(org.roomgate.support.Api.joinBody("t-1", "TEACHER")).post("/api/v1/rooms/{r}/join", room)
                .then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void shouldShowOperatorsCountsButNeverContent() {
        var f = ContentFixture.create();
        as(f.pupilToken()).body(Map.of("text", "Geheimnis-4711")).post("/api/v1/rooms/{r}/chat", f.roomId()).then().statusCode(201);
        as(f.platformKey()).get("/api/v1/subjects/p-1/data").then().statusCode(200)
                .body(containsString("Geheimnis-4711"));
        asOps().get("/api/v1/subjects/p-1/data?tenant={t}", f.tenantId()).then().statusCode(200)
                .body(not(containsString("Geheimnis-4711")))
                .body("content.counts.chatMessages", equalTo(1))
                .body("participations", hasSize(1));
    }

    /** Follows rel="next" from the first page; every page has at most pageSize items. Returns all ids. */
    private static List<String> collect(String bearer, String firstPage, int pageSize) {
        List<String> ids = new ArrayList<>();
        String next = firstPage;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 100, "too many pages");
            Response page = as(bearer).urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.jsonPath().getList("");
            assertTrue(items.size() <= pageSize, "a page larger than its limit");
            items.forEach(item -> ids.add(String.valueOf(item.containsKey("id") ? item.get("id") : item.get("participationId"))));
            String link = page.header("Link");
            if (link == null) {
                next = null;
            } else {
                Matcher matcher = NEXT.matcher(link);
                assertTrue(matcher.find(), link);
                next = matcher.group(1);
                assertEquals(pageSize, items.size(), "a page before the last one was not full");
            }
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an item appeared on two pages: " + ids);
        return ids;
    }
}
