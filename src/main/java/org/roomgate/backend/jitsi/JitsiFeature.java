package org.roomgate.backend.jitsi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.roomgate.consent.Capability;

/**
 * The {@code context.features} of a Jitsi token: the one mapping table, repeated in the README
 * ("Jitsi"). Prosody denies a feature whose key is absent only when the token has features at all,
 * and otherwise lets moderators or its defaults decide, so every key is always sent. Features
 * without a capability are always "false": recording, streaming and transcription never (R5),
 * telephony and device hand-over are no part of a school conference.
 */
enum JitsiFeature {
    RECORDING("recording", null),
    LIVESTREAMING("livestreaming", null),
    TRANSCRIPTION("transcription", null),
    OUTBOUND_CALL("outbound-call", null),
    SIP_OUTBOUND_CALL("sip-outbound-call", null),
    INBOUND_CALL("inbound-call", null),
    SIP_INBOUND_CALL("sip-inbound-call", null),
    FLIP("flip", null),
    SCREEN_SHARING("screen-sharing", Capability.SCREEN_SHARE),
    FILE_UPLOAD("file-upload", Capability.FILES),
    CREATE_POLLS("create-polls", Capability.POLLS),
    SEND_GROUPCHAT("send-groupchat", Capability.CHAT);

    final String key;
    final Capability capability;

    JitsiFeature(String key, Capability capability) {
        this.key = key;
        this.capability = capability;
    }

    /** Every key, "true" only where a capability grants it; strings, as Prosody compares them. */
    static Map<String, String> of(Collection<String> capabilities) {
        Map<String, String> features = new LinkedHashMap<>();
        for (JitsiFeature f : values()) {
            features.put(f.key, String.valueOf(f.capability != null && capabilities.contains(f.capability.name())));
        }
        return features;
    }
}
