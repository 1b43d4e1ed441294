package org.roomgate.backend.livekit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendCall;
import org.roomgate.backend.BackendCallGuard;
import org.roomgate.backend.BackendEvent;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.BackendUnavailable;
import org.roomgate.backend.ConferenceBackend;
import org.roomgate.backend.Delivery;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;
import org.roomgate.room.Participation;
import org.roomgate.room.Room;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;

/**
 * LiveKit enforces rights per participant on its server and can narrow or remove one mid-call,
 * so R2 holds inside the conference: the token carries the participant's rights, UpdateParticipant
 * narrows them at once, RemoveParticipant ends a participation there too, DeleteRoom ends the room.
 */
@ApplicationScoped
public class LiveKitBackend implements ConferenceBackend {

    private static final Logger LOG = Logger.getLogger(LiveKitBackend.class);
    private static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private final TwirpRoomService rooms;
    private final LiveKitConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final LiveKitWebhookLog webhooks;
    private final BackendCallGuard guard;

    LiveKitBackend(TwirpRoomService rooms, LiveKitConfig config, ObjectMapper json, Clock clock, LiveKitWebhookLog webhooks,
            BackendCallGuard guard) {
        if (config.tokenLifetime().isNegative() || config.tokenLifetime().isZero()
                || config.tokenLifetime().compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("roomgate.livekit.token-lifetime must be positive and at most PT1H");
        }
        this.rooms = rooms;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.webhooks = webhooks;
        this.guard = guard;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.LIVEKIT;
    }

    /** CreateRoom with roomgate's limits; LiveKit answers with the existing room if it is there. */
    @Override
    public void ensureMeeting(BackendSettings settings, MeetingRoom room) {
        long emptyTimeout = QuarkusTransaction.requiringNew().call(() -> Room.findOfTenant(room.tenantId(), room.roomId())
                .map(r -> r.idleTimeoutSeconds).orElse(0L));
        remote(() -> rooms.createRoom(of(settings), room.meetingId(), emptyTimeout, room.maxParticipants()));
    }

    /**
     * The participant's LiveKit token. The room is created (idempotently) on every join and refresh,
     * because LiveKit deletes an empty room by itself and should never create one from a token
     * ({@code room.auto_create: false}).
     */
    @Override
    public BackendAccess access(BackendSettings settings, Admission admission, String joinToken) {
        Room room = QuarkusTransaction.requiringNew().call(() -> Room.findOfTenant(admission.tenantId(), admission.roomId())
                .orElseThrow(() -> DomainException.notFound("Room")));
        String meeting = MeetingRoom.meetingId(room.tenantId, room.id);
        try {
            guard.duringRequest(settings, "join",
                    () -> remote(() -> rooms.createRoom(of(settings), meeting, room.idleTimeoutSeconds, room.maxParticipants)));
        } catch (BackendUnavailable e) {
            throw new DomainException(ProblemType.UNAVAILABLE, "The conference server does not answer; join again shortly.");
        }
        String token = LiveKitTokens.participant(of(settings), meeting, admission.participationId().toString(),
                admission.displayName(), LiveKitPermission.of(admission.capabilities()), clock.instant(),
                config.tokenLifetime());
        return new BackendAccess(BackendKind.LIVEKIT.name(), null, settings.url(), token);
    }

    @Override
    public boolean wants(BackendCall.Type type, Participation.LeaveReason reason) {
        return true;
    }

    @Override
    public List<String> runningMeetings(BackendSettings settings) {
        try {
            return rooms.listRooms(of(settings));
        } catch (TwirpException e) {
            throw new BackendUnavailable(e.getMessage());
        }
    }

    /** DeleteRoom disconnects everyone; a room LiveKit no longer knows is gone too. */
    @Override
    public boolean endMeeting(BackendSettings settings, MeetingRoom room) {
        remote(() -> rooms.deleteRoom(of(settings), room.meetingId()));
        return true;
    }

    /**
     * Takes every right away, then removes the participant: the OSS server revokes no token, and a
     * client that reconnects comes back with the rights it had last.
     */
    @Override
    public boolean participantGone(BackendSettings settings, MeetingRoom room, UUID participationId,
            Participation.LeaveReason reason) {
        LiveKitSettings liveKit = of(settings);
        String identity = participationId.toString();
        remote(() -> rooms.updateParticipant(liveKit, room.meetingId(), identity, LiveKitPermission.none()));
        remote(() -> rooms.removeParticipant(liveKit, room.meetingId(), identity));
        return true;
    }

    /** UpdateParticipant with the rights as they are now; LiveKit unpublishes what is no longer allowed. */
    @Override
    public boolean capabilitiesChanged(BackendSettings settings, MeetingRoom room, UUID participationId,
            List<String> capabilities) {
        remote(() -> rooms.updateParticipant(of(settings), room.meetingId(), participationId.toString(),
                LiveKitPermission.of(capabilities)));
        return true;
    }

    /**
     * LiveKit's webhooks: participant_joined, participant_left and room_finished of this tenant's
     * rooms; everything else is acknowledged and ignored.
     */
    @Override
    public List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        LiveKitWebhook hook;
        try {
            hook = LiveKitWebhookVerifier.verify(of(settings), delivery.headers().get("authorization"),
                    delivery.body().getBytes(StandardCharsets.UTF_8), clock.instant(), json);
        } catch (LiveKitWebhookVerifier.Rejected e) {
            LOG.infof("LiveKit webhook for tenant %s refused: %s", settings.tenantId(), e.getMessage());
            webhooks.refused(settings.tenantId(), clock.instant(),
                    LiveKitWebhookVerifier.claimedKey(delivery.headers().get("authorization")).orElse(null));
            throw new AuthenticationFailedException(e.getMessage());
        }
        webhooks.verified(settings.tenantId(), clock.instant());
        UUID roomId = MeetingRoom.roomOf(settings.tenantId(), hook.room());
        if (roomId == null) {
            return List.of();
        }
        if (LiveKitWebhook.ROOM_FINISHED.equals(hook.event())) {
            return List.of(new BackendEvent.MeetingEnded(roomId));
        }
        Optional<UUID> participation = participationOf(hook.identity());
        if (participation.isEmpty()) {
            return List.of();
        }
        return switch (hook.event()) {
            case LiveKitWebhook.PARTICIPANT_JOINED -> List.of(new BackendEvent.ParticipantJoined(roomId, participation.get()));
            case LiveKitWebhook.PARTICIPANT_LEFT ->
                List.of(new BackendEvent.ParticipantLeft(roomId, participation.get(), hook.at().orElse(clock.instant())));
            default -> List.of();
        };
    }

    private static Optional<UUID> participationOf(String identity) {
        try {
            return Optional.of(UUID.fromString(identity));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LiveKitSettings of(BackendSettings settings) {
        return new LiveKitSettings(settings.url(), settings.apiUrl(), settings.apiKey(), settings.secret());
    }

    /** A Twirp failure becomes the reliable-calls table's "try again later", without request content. */
    private static void remote(Runnable call) {
        try {
            call.run();
        } catch (TwirpException e) {
            throw new BackendUnavailable(e.getMessage());
        }
    }
}
