package org.roomgate.backend.livekit;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendConfigService;
import org.roomgate.backend.BackendEventService;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.Delivery;
import org.roomgate.backend.MeetingRoom;

import io.quarkus.security.AuthenticationFailedException;

/**
 * One LiveKit {@code webhook.urls} entry for every tenant on a server. LiveKit sends every event
 * of every room to every URL, signed with the one key of its {@code webhook.api_key}. The room's
 * name ({@code <tenant>--<roomId>}) says whose it is; the delivery then goes the way of the
 * tenant's own URL and is verified with that tenant's stored key, so a delivery signed with
 * another tenant's key is refused, and a verified one changes only that tenant's rooms. The name
 * is read before verification only to choose the key; nothing else of the body is trusted yet.
 */
@ApplicationScoped
public class LiveKitWebhookRouter {

    private static final Logger LOG = Logger.getLogger(LiveKitWebhookRouter.class);

    private final BackendConfigService configs;
    private final BackendEventService events;
    private final ObjectMapper json;

    LiveKitWebhookRouter(BackendConfigService configs, BackendEventService events, ObjectMapper json) {
        this.configs = configs;
        this.events = events;
        this.json = json;
    }

    /** Verifies and applies a delivery for the tenant its room names; one that names no roomgate room changes nothing. */
    @Transactional(Transactional.TxType.NEVER)
    public void receive(Delivery unrouted) {
        String tenantId = MeetingRoom.tenantOf(roomName(unrouted.body()));
        if (tenantId == null) {
            LOG.debug("LiveKit webhook naming no roomgate room acknowledged");
            return;
        }
        if (configs.settingsOf(tenantId).kind() != BackendKind.LIVEKIT) {
            throw new AuthenticationFailedException("LiveKit webhook for a tenant that is not on LiveKit");
        }
        events.receive(new Delivery(tenantId, unrouted.method(), unrouted.rawQuery(), unrouted.query(), unrouted.headers(),
                unrouted.body()));
    }

    private String roomName(String body) {
        try {
            JsonNode event = json.readTree(body);
            return event == null ? null : event.path("room").path("name").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
