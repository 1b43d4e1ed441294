package org.roomgate.backend.jitsi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stand-in of Prosody's call to roomgate, for tests only: {@code mod_muc_auth_ban}'s check when a
 * session is made with a token, sent as the module sends it ({@code GET} to
 * {@code muc_prosody_jitsi_access_manager_url}, {@code Authorization: Bearer <token>}) and read as
 * it reads it: only a 200 whose JSON has {@code access == false} closes the session, and the
 * token is then refused without asking again (the module's 5-minute ban cache); any other answer
 * lets the session stay. It decides nothing itself.
 */
final class ProsodyStandIn {

    private final String accessManagerUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> banned = ConcurrentHashMap.newKeySet();
    private int asked;

    ProsodyStandIn(String accessManagerUrl) {
        this.accessManagerUrl = accessManagerUrl;
    }

    /** Whether a session made with this token stays open. */
    boolean connect(String token) throws Exception {
        if (banned.contains(token)) {
            return false;
        }
        asked++;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(accessManagerUrl))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            JsonNode answer = json.readTree(response.body());
            if (answer != null && answer.path("access").isBoolean() && !answer.path("access").asBoolean()) {
                banned.add(token);
                return false;
            }
        }
        return true;
    }

    /** How often roomgate was asked. */
    int asked() {
        return asked;
    }
}
