package org.roomgate.backend.bbb;

import static io.restassured.RestAssured.given;
import static org.roomgate.support.Api.asOps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.roomgate.backend.bbb.BbbStandIn.Meeting;

import io.restassured.RestAssured;

/** A tenant on the BigBlueButton stand-in, and the browser's steps: open the join link, follow it to the server. */
final class BbbFixture {

    static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    /** roomgate.backend.public-url of the test profile: what the stand-in signs webhook deliveries for. */
    static final String PUBLIC_URL = "https://roomgate.test";

    private BbbFixture() {
    }

    /** A new tenant with a policy whose backend is the stand-in. */
    static org.roomgate.support.Api.Platform platformOn(BbbStandIn standIn, String checksum) {
        org.roomgate.support.Api.Platform platform = org.roomgate.support.Api.newPlatformWithPolicy();
        useStandIn(platform.tenantId(), standIn, checksum);
        return platform;
    }

    /** A pupil with a consent to everything, admitted to the room. */
    static io.restassured.response.ExtractableResponse<io.restassured.response.Response> pupilIn(
            org.roomgate.support.Api.Platform platform, String roomId, String subjectId) {
        org.roomgate.support.Api.grantConsent(platform.key(), subjectId, "2020-11-19", org.roomgate.support.Api.ALL_SCOPES,
                org.roomgate.support.Api.ALL_PURPOSES);
        return org.roomgate.support.Api.join(platform.key(), roomId, subjectId, "PUPIL");
    }

    static void useStandIn(String tenantId, BbbStandIn standIn, String checksum) {
        asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", standIn.url(), "secret", SECRET, "checksum", checksum))
                .put("/api/v1/tenants/{t}/backend", tenantId).then().statusCode(200);
    }

    /** Opens a join link as a browser would; returns the response without following the redirect. */
    static io.restassured.response.Response open(String joinUrl) {
        URI link = URI.create(joinUrl);
        return given().redirects().follow(false).urlEncodingEnabled(false)
                .get(link.getRawPath() + "?" + link.getRawQuery());
    }

    /** Follows roomgate's redirect to the (stand-in) server and returns its XML answer. */
    static BbbResponse follow(String location) throws Exception {
        return BbbResponse.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    static String meetingId(String tenantId, String roomId) {
        return tenantId + "--" + roomId;
    }

    static String roomgate() {
        return "http://localhost:" + RestAssured.port;
    }

    static int deliver(BbbStandIn standIn, String tenantId, String eventId, Meeting meeting, String userId, long ts)
            throws Exception {
        return standIn.deliver(roomgate(), PUBLIC_URL + "/api/v1/backend-events/" + tenantId,
                BbbStandIn.event(eventId, meeting, userId, ts), "SHA-1");
    }
}
