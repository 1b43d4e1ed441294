package org.roomgate.backend.bbb;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a BigBlueButton server in tests: NOT BigBlueButton. It follows the documented
 * API (docs/development/api.md) and bbb-web's checksum check exactly: the checksum parameter is
 * cut out of the raw query string as sent, the rest is hashed as call name + query + shared
 * secret with the algorithm the checksum's length names (SHA-1/256/384/512), and a mismatch is
 * answered with FAILED/checksumError. Answers are the documented XML, FAILED answers can be
 * ordered, and the server can be made unreachable. Where the real server refuses, so does the
 * stand-in, never less strictly:
 * <ul>
 * <li>join decides the guest status as bbb-web does with its default {@code authenticatedGuest=true}
 * ({@code bbb-common-web/src/main/java/org/bigbluebutton/api/domain/Meeting.java}
 * {@code calcGuestStatus}, with {@code guestParamProvided} from
 * {@code bigbluebutton-web/grails-app/controllers/org/bigbluebutton/web/controllers/ApiController.groovy}
 * {@code join}): a viewer without {@code guest=false} under {@code ALWAYS_DENY} gets
 * FAILED/guestDeniedAccess.</li>
 * <li>hooks/create keeps one hook per callback URL as bbb-webhooks does
 * ({@code bigbluebutton/bbb-webhooks:src/db/redis/hooks.js} {@code addSubscription},
 * {@code src/out/webhooks/api/api.js} {@code _create}, {@code responses.js} {@code createDuplicated}):
 * a second registration of the same URL answers duplicateWarning with the first hook, which keeps
 * the first registration's meetingID, so {@link #emit} never posts the second room's events there.</li>
 * </ul>
 * A successful join counts as the browser having connected at once: from then on the userID is
 * among getMeetingInfo's attendees until {@link #leave} or the meeting's end.
 */
public final class BbbStandIn implements AutoCloseable {

    /** A meeting as the stand-in keeps it. */
    public static final class Meeting {
        public final String meetingId;
        public final long createTime;
        public final String internalId;
        public final Map<String, String> createParameters;
        volatile boolean running = true;
        final Map<String, String> attendees = new ConcurrentHashMap<>();

        Meeting(String meetingId, long createTime, Map<String, String> createParameters) {
            this.meetingId = meetingId;
            this.createTime = createTime;
            this.internalId = sha1(meetingId) + "-" + createTime;
            this.createParameters = createParameters;
        }
    }

    private final String secret;
    private int port;
    private HttpServer server;
    private final Map<String, Meeting> meetings = new ConcurrentHashMap<>();
    public final List<Map<String, String>> creates = new CopyOnWriteArrayList<>();
    public final List<String> ends = new CopyOnWriteArrayList<>();
    public final List<Map<String, String>> hooks = new CopyOnWriteArrayList<>();
    public final List<String> hookDuplicates = new CopyOnWriteArrayList<>();
    public final List<Map<String, String>> joins = new CopyOnWriteArrayList<>();
    public final List<String> checksumErrors = new CopyOnWriteArrayList<>();
    private final Map<String, String> failNext = new ConcurrentHashMap<>();
    private final AtomicInteger runningChecksAfterEnd = new AtomicInteger();
    private final AtomicLong lastCreateTime = new AtomicLong();

    private BbbStandIn(String secret, int port) {
        this.secret = secret;
        this.port = port;
    }

    /** Starts on a free loopback port. */
    public static BbbStandIn start(String secret) throws IOException {
        BbbStandIn standIn = new BbbStandIn(secret, 0);
        standIn.listen();
        return standIn;
    }

    /** The API base as a tenant configures it. */
    public String url() {
        return "http://127.0.0.1:" + port + "/bigbluebutton/";
    }

    /** From now on the server is unreachable: connections are refused. */
    public void stop() {
        server.stop(0);
    }

    /** Reachable again, on the same port, with the meetings it had. */
    public void restart() throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                listen();
                return;
            } catch (java.net.BindException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The next call of this name answers FAILED with the message key. */
    public void failNext(String call, String messageKey) {
        failNext.put(call, messageKey);
    }

    /** After an end, isMeetingRunning still answers true this many times, as BigBlueButton ends asynchronously. */
    public void stillRunningAfterEnd(int checks) {
        runningChecksAfterEnd.set(checks);
    }

    public Meeting meeting(String meetingId) {
        return meetings.get(meetingId);
    }

    /** The userIDs getMeetingInfo lists as attendees of the meeting. */
    public java.util.Set<String> attendees(String meetingId) {
        Meeting meeting = meetings.get(meetingId);
        return meeting == null || !meeting.running ? java.util.Set.of() : java.util.Set.copyOf(meeting.attendees.keySet());
    }

    /** The user closes the browser tab: no longer an attendee. */
    public void leave(String meetingId, String userId) {
        meetings.get(meetingId).attendees.remove(userId);
    }

    /**
     * Emits an event of the meeting as bbb-webhooks does: to every hook whose meetingID is the
     * meeting's (or that has none) and whose eventID list names it, signed for that hook's own
     * callback URL. Returns roomgate's status for each delivery made.
     */
    public List<Integer> emit(String roomgateBase, String eventId, Meeting meeting, String userId, long ts) throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (Map<String, String> hook : hooks) {
            boolean scoped = hook.get("meetingID") == null || hook.get("meetingID").equals(meeting.meetingId);
            boolean named = hook.get("eventID") == null
                    || List.of(hook.get("eventID").toLowerCase(java.util.Locale.ROOT).split(",")).contains(eventId);
            if (scoped && named) {
                statuses.add(deliver(roomgateBase, hook.get("callbackURL"), event(eventId, meeting, userId, ts), "SHA-1"));
            }
        }
        return statuses;
    }

    /** Delivers a bbb-webhooks event to roomgate as bbb-webhooks 3 does, signed for the callback URL the hook registered. */
    public int deliver(String roomgateBase, String callbackUrl, String eventJson, String algorithm) throws Exception {
        return deliverSigned(roomgateBase, callbackUrl, body(eventJson), hex(algorithm, callbackUrl + body(eventJson) + secret));
    }

    /** Delivers a body with the given checksum, for tests of forged deliveries; appended to the URL as callback-emitter.js does. */
    public static int deliverSigned(String roomgateBase, String callbackUrl, String body, String checksum) throws Exception {
        URI callback = URI.create(callbackUrl);
        String target = roomgateBase + callback.getRawPath() + (callback.getRawQuery() == null ? "?" : "?" + callback.getRawQuery() + "&")
                + "checksum=" + checksum;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The form body bbb-webhooks posts: keys in alphabetical order. */
    public static String body(String eventJson) {
        return bodyOf(List.of(eventJson));
    }

    /** A body with several events in its array, as bbb-webhooks before 3.0 could post. */
    public static String bodyOf(List<String> eventsJson) {
        return "domain=bbb.test&event=" + URLEncoder.encode("[" + String.join(",", eventsJson) + "]", StandardCharsets.UTF_8)
                + "&timestamp=1700000000000";
    }

    /** Delivers several events in one body, signed for the callback URL. */
    public int deliverAll(String roomgateBase, String callbackUrl, List<String> eventsJson, String algorithm) throws Exception {
        return deliverSigned(roomgateBase, callbackUrl, bodyOf(eventsJson), hex(algorithm, callbackUrl + bodyOf(eventsJson) + secret));
    }

    /** A mapped event of bbb-webhooks (example/events/mapped-events.json). */
    public static String event(String id, Meeting meeting, String userId, long ts) {
        String user = userId == null ? "" : ",\"user\":{\"internal-user-id\":\"w_x1\",\"external-user-id\":\"" + userId
                + "\",\"name\":\"Max M.\",\"role\":\"VIEWER\",\"presenter\":false,\"guest\":false}";
        return "{\"data\":{\"type\":\"event\",\"id\":\"" + id + "\",\"attributes\":{\"meeting\":{\"internal-meeting-id\":\""
                + meeting.internalId + "\",\"external-meeting-id\":\"" + meeting.meetingId + "\"}" + user
                + "},\"event\":{\"ts\":" + ts + "}}}";
    }

    private void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        port = server.getAddress().getPort();
        server.createContext("/bigbluebutton/api/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestURI().getPath().substring("/bigbluebutton/api/".length());
        String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        Map<String, String> params = decode(rawQuery);
        String checksum = params.get("checksum");
        if (checksum == null || !checksum.equals(expectedChecksum(call, rawQuery, checksum))) {
            checksumErrors.add(call);
            respond(exchange, failed("checksumError", "Checksums do not match"));
            return;
        }
        params.remove("checksum");
        String forcedFailure = failNext.remove(call);
        if (forcedFailure != null) {
            respond(exchange, failed(forcedFailure, "The stand-in was told to fail this call."));
            return;
        }
        respond(exchange, switch (call) {
            case "create" -> create(params);
            case "join" -> join(params);
            case "end" -> end(params);
            case "isMeetingRunning" -> "<response><returncode>SUCCESS</returncode><running>" + running(params.get("meetingID"))
                    + "</running></response>";
            case "getMeetingInfo" -> meetingInfo(params);
            case "hooks/create" -> hookCreate(params);
            default -> failed("unsupportedRequest", "This request is not supported.");
        });
    }

    /** bbb-web: the checksum is removed from the query string exactly as sent (GetChecksum), then hashed. */
    private String expectedChecksum(String call, String rawQuery, String checksum) {
        String rest = rawQuery.replace("&checksum=" + checksum, "").replace("checksum=" + checksum + "&", "")
                .replace("checksum=" + checksum, "");
        String algorithm = switch (checksum.length()) {
            case 40 -> "SHA-1";
            case 64 -> "SHA-256";
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> null;
        };
        return algorithm == null ? null : hex(algorithm, call + rest + secret);
    }

    private String create(Map<String, String> params) {
        String meetingId = params.get("meetingID");
        if (meetingId == null || meetingId.isBlank()) {
            return failed("missingParamMeetingID", "You must specify a meeting ID for the meeting.");
        }
        creates.add(Map.copyOf(params));
        Meeting existing = meetings.get(meetingId);
        if (existing != null && existing.running) {
            return meetingXml(existing, "<messageKey>duplicateWarning</messageKey><message>This conference was already in "
                    + "existence and may currently be in progress.</message>");
        }
        long createTime = lastCreateTime.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        Meeting meeting = new Meeting(meetingId, createTime, Map.copyOf(params));
        meetings.put(meetingId, meeting);
        return meetingXml(meeting, "<messageKey></messageKey><message></message>");
    }

    private String join(Map<String, String> params) {
        joins.add(Map.copyOf(params));
        Meeting meeting = meetings.get(params.get("meetingID"));
        if (meeting == null || !meeting.running) {
            return failed("invalidMeetingIdentifier", "The meeting ID that you supplied did not match any existing meetings");
        }
        if (params.get("createTime") != null && !params.get("createTime").equals(String.valueOf(meeting.createTime))) {
            return failed("mismatchCreateTimeParam", "The createTime parameter submitted mismatches with the current meeting.");
        }
        if (params.get("fullName") == null) {
            return failed("missingParamFullName", "You must specify a name for the attendee who will be joining the meeting.");
        }
        String role = "MODERATOR".equalsIgnoreCase(params.get("role")) ? "MODERATOR" : "VIEWER".equalsIgnoreCase(params.get("role"))
                ? "VIEWER" : null;
        if (role == null) {
            return failed("Params required", "You must either send the valid role of the user, or the password, sould the "
                    + "meeting has one.");
        }
        String status = guestStatus(meeting, role, params.get("guest"));
        if ("DENY".equals(status)) {
            return failed("guestDeniedAccess", "You have been denied access to this meeting based on the meeting's guest policy");
        }
        String userId = params.get("userID") == null || params.get("userID").isEmpty() ? "w_standin" : params.get("userID");
        if ("WAIT".equals(status)) {
            return "<response><returncode>SUCCESS</returncode><messageKey>guestWait</messageKey><message>Guest waiting for "
                    + "approval to join meeting.</message></response>";
        }
        meeting.attendees.put(userId, role);
        return "<response><returncode>SUCCESS</returncode><messageKey>successfullyJoined</messageKey><message>You have "
                + "joined successfully.</message><meeting_id>" + meeting.internalId + "</meeting_id><user_id>"
                + params.get("userID") + "</user_id></response>";
    }

    /**
     * Meeting.calcGuestStatus with authenticatedGuest=true (bbb-web's default): moderators and
     * joins that say guest=false are allowed; otherwise the meeting's guestPolicy decides, and a
     * join without the guest parameter counts as authenticated.
     */
    private static String guestStatus(Meeting meeting, String role, String guestParam) {
        boolean guestParamProvided = guestParam != null && !guestParam.isEmpty();
        boolean guest = guestParamProvided && Boolean.parseBoolean(guestParam);
        boolean authenticated = !guestParamProvided;
        if ("MODERATOR".equals(role) || guestParamProvided && !guest) {
            return "ALLOW";
        }
        String policy = meeting.createParameters.getOrDefault("guestPolicy", "ALWAYS_ACCEPT");
        return switch (policy) {
            case "ALWAYS_ACCEPT" -> "ALLOW";
            case "ASK_MODERATOR" -> guest || authenticated ? "WAIT" : "ALLOW";
            case "ALWAYS_ACCEPT_AUTH" -> guest ? "WAIT" : "ALLOW";
            default -> "DENY";
        };
    }

    private String end(Map<String, String> params) {
        Meeting meeting = meetings.get(params.get("meetingID"));
        if (meeting == null || !meeting.running) {
            return failed("notFound", "We could not find a meeting with that meeting ID - perhaps the meeting is not yet running?");
        }
        meeting.running = false;
        meeting.attendees.clear();
        ends.add(meeting.meetingId);
        return "<response><returncode>SUCCESS</returncode><messageKey>sentEndMeetingRequest</messageKey><message>A request "
                + "to end the meeting was sent. Please wait a few seconds, and then use the getMeetingInfo or "
                + "isMeetingRunning API calls to verify that it was ended.</message></response>";
    }

    private boolean running(String meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) {
            return false;
        }
        if (!meeting.running && runningChecksAfterEnd.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        return meeting.running;
    }

    private String meetingInfo(Map<String, String> params) {
        Meeting meeting = meetings.get(params.get("meetingID"));
        if (meeting == null || !meeting.running) {
            return failed("notFound", "We could not find a meeting with that meeting ID");
        }
        StringBuilder attendees = new StringBuilder("<running>true</running><participantCount>" + meeting.attendees.size()
                + "</participantCount><attendees>");
        meeting.attendees.forEach((userId, role) -> attendees.append("<attendee><userID>").append(userId)
                .append("</userID><fullName>Stand-in</fullName><role>").append(role).append("</role><isPresenter>false")
                .append("</isPresenter><isListeningOnly>false</isListeningOnly><hasJoinedVoice>false</hasJoinedVoice>")
                .append("<hasVideo>false</hasVideo><clientType>HTML5</clientType></attendee>"));
        return meetingXml(meeting, attendees.append("</attendees>").toString());
    }

    private String hookCreate(Map<String, String> params) {
        if (params.get("callbackURL") == null) {
            return failed("missingParamCallbackURL", "You must specify a callbackURL in the parameters.");
        }
        for (int i = 0; i < hooks.size(); i++) {
            if (hooks.get(i).get("callbackURL").equals(params.get("callbackURL"))) {
                hookDuplicates.add(params.get("callbackURL"));
                return "<response><returncode>SUCCESS</returncode><hookID>" + (i + 1) + "</hookID><messageKey>duplicateWarning"
                        + "</messageKey><message>There is already a hook for this callback URL.</message></response>";
            }
        }
        hooks.add(Map.copyOf(params));
        return "<response><returncode>SUCCESS</returncode><hookID>" + hooks.size()
                + "</hookID><permanentHook>false</permanentHook><rawData>false</rawData></response>";
    }

    private static String meetingXml(Meeting m, String tail) {
        return "<response><returncode>SUCCESS</returncode><meetingID>" + m.meetingId + "</meetingID><internalMeetingID>"
                + m.internalId + "</internalMeetingID><parentMeetingID>bbb-none</parentMeetingID><createTime>" + m.createTime
                + "</createTime><voiceBridge>70757</voiceBridge><dialNumber>613-555-1234</dialNumber><createDate>Mon Jul 09 "
                + "17:03:29 UTC 2018</createDate><hasUserJoined>false</hasUserJoined><duration>0</duration>"
                + "<hasBeenForciblyEnded>false</hasBeenForciblyEnded>" + tail + "</response>";
    }

    private static String failed(String key, String message) {
        return "<response><returncode>FAILED</returncode><messageKey>" + key + "</messageKey><message>" + message
                + "</message></response>";
    }

    private static void respond(HttpExchange exchange, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String hex(String algorithm, String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String data) {
        return hex("SHA-1", data);
    }
}
