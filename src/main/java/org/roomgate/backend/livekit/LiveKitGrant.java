package org.roomgate.backend.livekit;

import org.roomgate.consent.Capability;

/**
 * What each roomgate capability becomes in LiveKit: the one mapping table, repeated in the README
 * ("LiveKit"). A capability without a row (WHITEBOARD, FILES, POLLS, MODERATE) grants nothing in
 * LiveKit; those stay with roomgate's own content endpoints and server-side moderation.
 */
enum LiveKitGrant {
    MICROPHONE(Capability.AUDIO, "microphone"),
    CAMERA(Capability.VIDEO, "camera"),
    SCREEN(Capability.SCREEN_SHARE, "screen_share"),
    SCREEN_AUDIO(Capability.SCREEN_SHARE, "screen_share_audio"),
    /** Data packets and text streams, which LiveKit chat uses: coarse, all data, not only chat. */
    DATA(Capability.CHAT, null),
    /** Own metadata and attributes, which clients use for hand raising and status. */
    OWN_METADATA(Capability.STATUS, null);

    final Capability capability;
    /** The {@code canPublishSources} entry in a token; null for a flag of its own. */
    final String source;

    LiveKitGrant(Capability capability, String source) {
        this.capability = capability;
        this.source = source;
    }

    /** The TrackSource enum name in the Twirp API (protojson), e.g. SCREEN_SHARE_AUDIO. */
    String trackSource() {
        return source.toUpperCase();
    }
}
