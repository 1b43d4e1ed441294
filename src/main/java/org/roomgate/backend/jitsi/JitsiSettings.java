package org.roomgate.backend.jitsi;

/**
 * A tenant's Jitsi Meet: its public URL, the {@code app_id} Prosody expects as {@code iss}, the
 * audience, and either RS256 (keys from roomgate's asap key server) or HS256 with {@code app_secret}.
 */
public record JitsiSettings(String url, String appId, String audience, Algorithm algorithm, String appSecret) {

    public enum Algorithm {
        RS256, HS256
    }

    @Override
    public String toString() {
        return "JitsiSettings[url=" + url + ", appId=" + appId + ", audience=" + audience + ", algorithm=" + algorithm + "]";
    }
}
