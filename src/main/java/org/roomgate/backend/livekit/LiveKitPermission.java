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
record LiveKitPermission(boolean canSubscribe, List<LiveKitGrant> sources, boolean canPublishData,
        boolean canUpdateOwnMetadata) {

    static LiveKitPermission of(Collection<String> capabilities) {
        List<LiveKitGrant> granted = Arrays.stream(LiveKitGrant.values())
                .filter(g -> capabilities.contains(g.capability.name()))
                .toList();
        return new LiveKitPermission(true, granted.stream().filter(g -> g.source != null).toList(),
                granted.contains(LiveKitGrant.DATA), granted.contains(LiveKitGrant.OWN_METADATA));
    }

    /**
     * Nothing at all, set just before a removal: LiveKit's OSS server does not revoke tokens and
     * refreshes them for connected clients from their current rights, so a client that reconnects
     * after the removal comes back able to do nothing.
     */
    static LiveKitPermission none() {
        return new LiveKitPermission(false, List.of(), false, false);
    }

    /** Publishing is allowed only with at least one source, since no sources would mean all of them. */
    boolean canPublish() {
        return !sources.isEmpty();
    }

    /**
     * The token's {@code video} grant. Receiving is allowed to every admitted participant:
     * capabilities are about what a participant contributes. Every administrative or recording
     * flag is explicitly false (R5).
     */
    Map<String, Object> videoGrant(String room) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("room", room);
        grant.put("roomJoin", true);
        grant.put("canSubscribe", canSubscribe);
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
        permission.put("canSubscribe", canSubscribe);
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
