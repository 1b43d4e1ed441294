package org.roomgate.backend.livekit;

/**
 * A tenant's LiveKit server: the URL browsers connect to, the URL of its Twirp API, and the API key
 * pair that signs every token (iss = key) and every webhook.
 */
public record LiveKitSettings(String url, String apiUrl, String apiKey, String apiSecret) {

    @Override
    public String toString() {
        return "LiveKitSettings[url=" + url + ", apiUrl=" + apiUrl + ", apiKey=" + apiKey + "]";
    }
}
