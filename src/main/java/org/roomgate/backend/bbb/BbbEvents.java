package org.roomgate.backend.bbb;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.roomgate.backend.BackendEvent;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.BackendUnavailable;
import org.roomgate.backend.Delivery;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.backend.PublicUrl;
import org.roomgate.backend.bbb.BbbMeetings.Meeting;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

import io.quarkus.security.AuthenticationFailedException;

/**
 * What BigBlueButton tells roomgate, verified before anything is read: bbb-webhooks deliveries
 * (checksum over callback URL + body + shared secret, algorithm by length) and the meeting's
 * end callback (an HMAC roomgate put into its URL; BigBlueButton does not sign it). Events of an
 * earlier meeting of the room, or of another tenant's meeting, change nothing.
 */
@ApplicationScoped
public class BbbEvents {

    /**
     * Events one delivery may carry. bbb-webhooks posts one event at a time (3.x) or up to ten
     * (earlier versions, hooks.js); more is not a delivery of BigBlueButton's.
     */
    static final int MAX_EVENTS = 100;

    private final BbbMeetings meetings;
    private final BbbParticipants participants;
    private final BbbClient client;
    private final PublicUrl publicUrl;
    private final ObjectMapper json;

    BbbEvents(BbbMeetings meetings, BbbParticipants participants, BbbClient client, PublicUrl publicUrl, ObjectMapper json) {
        this.meetings = meetings;
        this.participants = participants;
        this.client = client;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    /**
     * The callback URL of one room's hook. bbb-webhooks keeps one hook per callback URL and
     * answers a second registration of the same URL with the first hook (scoped to the first
     * room's meeting), so each room needs its own.
     */
    static String hookUrl(MeetingRoom room, PublicUrl publicUrl) {
        return publicUrl.eventsOf(room.tenantId()) + "?room=" + room.roomId();
    }

    List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        if (delivery.queryParameter("sig") != null) {
            return endCallback(settings, delivery);
        }
        // Hooks registered before rooms had their own callback URL post to the tenant's plain URL.
        UUID hookRoom = delivery.queryParameter("room") == null ? null : uuid(delivery.queryParameter("room"));
        if (delivery.queryParameter("room") != null && hookRoom == null) {
            throw new AuthenticationFailedException("Malformed BigBlueButton callback URL");
        }
        String callbackUrl = publicUrl.eventsOf(settings.tenantId()) + (hookRoom == null ? "" : "?room=" + hookRoom);
        String checksum = delivery.queryParameter("checksum");
        BbbChecksum algorithm = BbbChecksum.byLength(checksum)
                .orElseThrow(() -> new AuthenticationFailedException("No BigBlueButton checksum"));
        String expected = algorithm.hex(callbackUrl + delivery.body() + settings.secret());
        if (!BbbChecksum.same(expected, checksum)) {
            throw new AuthenticationFailedException("Bad BigBlueButton checksum");
        }
        List<JsonNode> delivered = deliveredEvents(delivery.body());
        if (delivered.size() > MAX_EVENTS) {
            throw new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "A BigBlueButton delivery carries at most "
                    + MAX_EVENTS + " events; this one has " + delivered.size() + ". Nothing was applied.");
        }
        // A repeated event (BigBlueButton repeats user-joined on every reconnect) counts once.
        LinkedHashSet<BackendEvent> events = new LinkedHashSet<>();
        for (JsonNode element : delivered) {
            JsonNode data = element.has("data") ? element.get("data") : element;
            event(settings.tenantId(), data).filter(e -> hookRoom == null || hookRoom.equals(e.roomId()))
                    .filter(e -> needed(settings.tenantId(), e)).ifPresent(events::add);
        }
        return List.copyOf(events);
    }

    /**
     * A joined event matters only for a participation of the room that has ended and whose
     * removal is not owed already; one of an unknown or open participation changes nothing.
     */
    private boolean needed(String tenantId, BackendEvent event) {
        if (!(event instanceof BackendEvent.ParticipantJoined joined)) {
            return true;
        }
        return participants.endedAt(tenantId, joined.roomId(), joined.participationId()).isPresent()
                && !participants.removalPending(tenantId, joined.roomId(), joined.participationId());
    }

    /** The server-only end callback of one generation of a room's meeting, signed by roomgate. */
    static String endCallbackUrl(BackendSettings settings, MeetingRoom room, int generation, PublicUrl publicUrl) {
        return publicUrl.eventsOf(room.tenantId()) + "?room=" + room.roomId() + "&gen=" + generation
                + "&sig=" + endSignature(settings, room.tenantId(), room.roomId(), generation);
    }

    private List<BackendEvent> endCallback(BackendSettings settings, Delivery delivery) {
        UUID roomId;
        int generation;
        try {
            roomId = UUID.fromString(delivery.queryParameter("room"));
            generation = Integer.parseInt(delivery.queryParameter("gen"));
        } catch (RuntimeException e) {
            throw new AuthenticationFailedException("Malformed end callback");
        }
        if (!BbbChecksum.same(endSignature(settings, settings.tenantId(), roomId, generation), delivery.queryParameter("sig"))) {
            throw new AuthenticationFailedException("Bad end callback signature");
        }
        Optional<Meeting> meeting = meetings.current(roomId).filter(m -> m.generation() == generation && m.createTime() != null);
        if (meeting.isEmpty() || stillRunning(settings, MeetingRoom.meetingId(settings.tenantId(), roomId))) {
            return List.of();
        }
        return List.of(new BackendEvent.MeetingEnded(roomId));
    }

    private Optional<BackendEvent> event(String tenantId, JsonNode data) {
        JsonNode attributes = data.path("attributes");
        UUID roomId = MeetingRoom.roomOf(tenantId, attributes.path("meeting").path("external-meeting-id").asText(null));
        String internalId = attributes.path("meeting").path("internal-meeting-id").asText(null);
        if (roomId == null || meetings.current(roomId).filter(m -> current(m, internalId)).isEmpty()) {
            return Optional.empty();
        }
        String id = data.path("id").asText("");
        if ("meeting-ended".equals(id)) {
            return Optional.of(new BackendEvent.MeetingEnded(roomId));
        }
        UUID participationId = uuid(attributes.path("user").path("external-user-id").asText(null));
        if (participationId == null) {
            return Optional.empty();
        }
        if ("user-joined".equals(id)) {
            return Optional.of(new BackendEvent.ParticipantJoined(roomId, participationId));
        }
        if ("user-left".equals(id)) {
            long ts = data.path("event").path("ts").asLong(0);
            return Optional.of(new BackendEvent.ParticipantLeft(roomId, participationId,
                    ts > 0 ? Instant.ofEpochMilli(ts) : Instant.now()));
        }
        return Optional.empty();
    }

    /**
     * Whether an event is of the room's current meeting: not while it is re-created, and not of an
     * earlier meeting when both sides know the internal id (createTime is part of it).
     */
    private static boolean current(Meeting meeting, String eventInternalId) {
        return meeting.createTime() != null
                && (eventInternalId == null || meeting.internalId() == null || meeting.internalId().equals(eventInternalId));
    }

    private boolean stillRunning(BackendSettings settings, String meetingId) {
        try {
            BbbResponse running = client.call(settings, "isMeetingRunning", new BbbQuery().add("meetingID", meetingId));
            return running.success() && "true".equals(running.field("running"));
        } catch (BackendUnavailable e) {
            // The callback is signed by roomgate's own HMAC: without an answer, believe it.
            return false;
        }
    }

    private List<JsonNode> deliveredEvents(String body) {
        List<JsonNode> events = new ArrayList<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "event".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                try {
                    JsonNode node = json.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    if (node.isArray()) {
                        node.forEach(events::add);
                    } else {
                        events.add(node);
                    }
                } catch (Exception e) {
                    // A verified delivery we cannot read changes nothing.
                }
            }
        }
        return events;
    }

    private static String endSignature(BackendSettings settings, String tenantId, UUID roomId, int generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("meeting-ended|" + tenantId + "|" + roomId + "|" + generation)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
