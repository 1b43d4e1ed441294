package org.roomgate.backend.livekit;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.backend.BackendCheck;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.ConnectionCheck;
import org.roomgate.backend.ConnectionCheck.Items;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.backend.Probe;
import org.roomgate.problem.Problem;
import org.roomgate.problem.ProblemType;

/**
 * A LiveKit server as roomgate uses it: its Twirp API answers {@code ListRooms} with a token of the
 * stored key pair (only the {@code roomList} grant), and the webhooks that reached this instance for
 * the tenant were signed with that key. LiveKit cannot be asked which key it signs webhooks with;
 * only a delivery shows it, so without one that item is unknown.
 */
@ApplicationScoped
public class LiveKitCheck implements BackendCheck {

    static final String API = "api-reachable";
    static final String KEY = "key-accepted";
    static final String WEBHOOK = "webhook-key";

    private final LiveKitWebhookLog webhooks;
    private final Clock clock;

    LiveKitCheck(LiveKitWebhookLog webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.LIVEKIT;
    }

    @Override
    public List<Problem.Check> check(BackendSettings settings, ConnectionCheck.Request request, Probe probe) {
        Items items = new Items();
        LiveKitSettings liveKit = new LiveKitSettings(settings.url(), settings.apiUrl(), settings.apiKey(), settings.secret());
        String api = settings.apiUrl().endsWith("/") ? settings.apiUrl().substring(0, settings.apiUrl().length() - 1)
                : settings.apiUrl();
        String probeRoom = MeetingRoom.meetingId(settings.tenantId(), new UUID(0, 0));
        HttpRequest listRooms = HttpRequest.newBuilder(URI.create(api + "/twirp/livekit.RoomService/ListRooms"))
                .header("Authorization", "Bearer " + LiveKitTokens.admin(liveKit, Map.of("roomList", true), clock.instant()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"names\":[\"" + probeRoom + "\"]}"))
                .build();
        Probe.Answer answer;
        try {
            answer = probe.send(listRooms);
        } catch (Probe.Unreachable e) {
            throw items.fail(ProblemType.BACKEND_UNREACHABLE, API, api + ": " + e.getMessage(), KEY, WEBHOOK);
        }
        if (answer.status() == 401) {
            items.ok(API, api + " answers as LiveKit's Twirp API");
            throw items.fail(ProblemType.BACKEND_SECRET_REJECTED, KEY, "LiveKit refuses (401) a token signed with API key "
                    + settings.apiKey() + " and the stored secret: that key is not under livekit.yaml `keys`, or its "
                    + "secret differs", WEBHOOK);
        }
        if (answer.status() != 200 || !answer.body().strip().startsWith("{")) {
            throw items.fail(ProblemType.BACKEND_ANSWER_INVALID, API, api + " answers ListRooms with HTTP " + answer.status()
                    + ", not as LiveKit's Twirp API: is apiUrl the server's https:// address?", KEY, WEBHOOK);
        }
        items.ok(API, api + " answers as LiveKit's Twirp API");
        items.ok(KEY, "LiveKit accepts a token signed with API key " + settings.apiKey() + " and the stored secret");
        webhook(settings, items);
        return items.list();
    }

    private void webhook(BackendSettings settings, Items items) {
        LiveKitWebhookLog.Seen seen = webhooks.of(settings.tenantId()).orElse(null);
        if (seen == null) {
            items.unknown(WEBHOOK, "no LiveKit webhook for this tenant has reached this roomgate instance since it started; "
                    + "LiveKit signs every webhook with the key named in livekit.yaml webhook.api_key, which must be "
                    + settings.apiKey() + ". Join a room and check again.");
        } else if (seen.refusedLast()) {
            String claimed = seen.refusedKey() == null ? "no readable key" : "key " + seen.refusedKey();
            String hint = settings.apiKey().equals(seen.refusedKey())
                    ? ": the name matches, so LiveKit's secret for it differs from the stored one, or the delivery was forged"
                    : "; set webhook.api_key to " + settings.apiKey() + " (or store the key pair LiveKit signs with)";
            throw items.fail(ProblemType.BACKEND_WEBHOOK_KEY, WEBHOOK, "the last webhook refused (at " + seen.refusedAt()
                    + ") claimed " + claimed + ", the tenant's key is " + settings.apiKey() + hint);
        } else {
            items.ok(WEBHOOK, "the last webhook (at " + seen.verifiedAt() + ") verified with API key " + settings.apiKey());
        }
    }
}
