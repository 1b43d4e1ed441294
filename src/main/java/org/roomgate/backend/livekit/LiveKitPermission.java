package org.roomgate.backend.livekit;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A participant's rights in LiveKit, derived from its roomgate capabilities by {@link LiveKitGrant}.
 * Every flag is written out, because LiveKit reads an absent flag as allowed (an unset
 * {@code canPublish} publishes, an empty {@code canPublishSources} allows every source).
 */
record LiveKitPermission(List<LiveKitGrant> sources, boolean canPublishData, boolean canUpdateOwnMetadata) {

    static LiveKitPermission of(Collection<String> capabilities) {
        List<LiveKitGrant> granted = Arrays.stream(LiveKitGrant.values())
                .filter(g -> capabilities.contains(g.capability.name()))
                .toList();
        return new LiveKitPermission(granted.stream().filter(g -> g.source != null).toList(),
                granted.contains(LiveKitGrant.DATA), granted.contains(LiveKitGrant.OWN_METADATA));
    }

    /** Nothing to publish, nothing to send: what a removed participant keeps until the server drops it. */
    static LiveKitPermission none() {
        return new LiveKitPermission(List.of(), false, false);
    }

    /** Publishing is allowed only with at least one source, since no sources would mean all of them. */
    boolean canPublish() {
        return !sources.isEmpty();
    }

    /**
     * The token's {@code video} grant. Receiving is always allowed: capabilities are about what a
     * participant contributes. Every administrative or recording flag is explicitly false (R5).
     */
    Map<String, Object> videoGrant(String room) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("room", room);
        grant.put("roomJoin", true);
        grant.put("canSubscribe", true);
        grant.put("canPublish", canPublish());
        grant.put("canPublishSources", sources.stream().map(g -> g.source).toList());
        grant.put("canPublishData", canPublishData);
        grant.put("canUpdateOwnMetadata", canUpdateOwnMetadata);
        grant.put("canSubscribeMetrics", false);
        grant.put("roomCreate", false);
        grant.put("roomList", false);
        grant.put("roomRecord", false);
        grant.put("roomAdmin", false);
        grant.put("ingressAdmin", false);
        grant.put("hidden", false);
        grant.put("recorder", false);
        grant.put("agent", false);
        return grant;
    }

    /** The same rights as a Twirp {@code ParticipantPermission} (protojson names), for UpdateParticipant. */
    Map<String, Object> participantPermission() {
        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("canSubscribe", true);
        permission.put("canPublish", canPublish());
        permission.put("canPublishData", canPublishData);
        permission.put("canPublishSources", sources.stream().map(LiveKitGrant::trackSource).toList());
        permission.put("hidden", false);
        permission.put("recorder", false);
        permission.put("canUpdateMetadata", canUpdateOwnMetadata);
        permission.put("agent", false);
        permission.put("canSubscribeMetrics", false);
        return permission;
    }
}
